/**
 * The one operation registry of the simulated account. The HTTP server dispatches SDK requests through it, and the
 * Automation engine dispatches the AWS calls of runbook steps through it (automation/aws-api.ts): one handler per
 * operation, whoever calls it.
 */
import type { DeclaredShape, ServiceHandlers, ServiceName } from '../core/types.js';
import { configHandlers } from './config/handlers/index.js';
import { ec2Handlers, ec2Inputs } from './ec2/handlers.js';
import { s3Handlers, s3Inputs } from './s3/handlers.js';
import { organizationsHandlers } from './organizations/handlers.js';
import { logsHandlers } from './logs/handlers.js';
import { securityHubHandlers } from './securityhub/handlers.js';
import { snsHandlers } from './sns/handlers.js';
import { ssmHandlers } from './ssm/handlers.js';
import { stsHandlers } from './sts/handlers.js';

/**
 * Every implemented operation, by service. An operation absent here answers an error, never an empty success.
 * Getters, because the registry is part of an import cycle (a Config remediation starts an automation, whose steps
 * call operations through this registry): the maps are read when a call is made, not when the modules load.
 */
export const handlers: Readonly<Record<ServiceName, ServiceHandlers>> = {
  get config() {
    return configHandlers;
  },
  get ssm() {
    return ssmHandlers;
  },
  get sts() {
    return stsHandlers;
  },
  get sns() {
    return snsHandlers;
  },
  get organizations() {
    return organizationsHandlers;
  },
  get ec2() {
    return ec2Handlers;
  },
  get s3() {
    return s3Handlers;
  },
  get logs() {
    return logsHandlers;
  },
  get securityhub() {
    return securityHubHandlers;
  }
};

/** Input shapes of the services without Smithy facts in models/ (the others are checked against their model). */
export function declaredInputs(service: ServiceName): Record<string, DeclaredShape> | undefined {
  if (service === 'ec2') return ec2Inputs;
  if (service === 's3') return s3Inputs;
  return undefined;
}
