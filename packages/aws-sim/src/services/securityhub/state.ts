/**
 * Security Hub state of the simulated account: whether it is enabled, and the findings in ASFF (AWS Security Finding
 * Format) shape, as GetFindings returns them (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFinding.html).
 */

export interface AsffResource {
  Type: string;
  Id: string;
  Partition: string;
  Region: string;
}

export interface AsffFinding {
  SchemaVersion: string;
  Id: string;
  ProductArn: string;
  ProductName: string;
  CompanyName: string;
  Region: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  FirstObservedAt: string;
  LastObservedAt: string;
  CreatedAt: string;
  UpdatedAt: string;
  Severity: { Label: string; Normalized?: number };
  Title: string;
  Description: string;
  ProductFields: Record<string, string>;
  Resources: AsffResource[];
  Compliance: { Status: 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE' };
  WorkflowState: string;
  Workflow: { Status: 'NEW' | 'NOTIFIED' | 'RESOLVED' | 'SUPPRESSED' };
  RecordState: 'ACTIVE' | 'ARCHIVED';
  /** Set by BatchUpdateFindings. */
  Note?: { Text: string; UpdatedBy: string; UpdatedAt: string };
}

export interface SecurityHubState {
  enabled: boolean;
  findings: AsffFinding[];
}
