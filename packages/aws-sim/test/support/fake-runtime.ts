/**
 * A hand-driven simulator runtime for unit tests of the SSM handlers: a virtual clock and a task queue that runs
 * only when the test says so (no timers, no waiting).
 */
import type * as Ssm from '@aws-sdk/client-ssm';
import { ssmHandlers } from '../../src/services/ssm/handlers.js';
import type { AccountState } from '../../src/core/state.js';
import type { Principal, RequestContext, SimRuntime } from '../../src/core/types.js';

interface Task {
  dueAt: number;
  seq: number;
  fn: () => void;
}

export class FakeRuntime implements SimRuntime {
  readonly url = 'http://127.0.0.1:0';
  readonly options: Record<string, unknown>;
  /** Every delay passed to schedule(), in order. */
  readonly scheduledDelays: number[] = [];
  private clock: number;
  private seq = 0;
  private tasks: Task[] = [];

  constructor(options: Record<string, unknown> = {}, start = Date.parse('2026-05-01T12:00:00.000Z')) {
    this.options = options;
    this.clock = start;
  }

  now(): Date {
    return new Date(this.clock);
  }

  schedule(ms: number, fn: () => void): void {
    this.scheduledDelays.push(ms);
    this.tasks.push({ dueAt: this.clock + ms, seq: this.seq++, fn });
  }

  pending(): number {
    return this.tasks.length;
  }

  /** Runs the earliest task (moving the clock to its due time); false when none is queued. */
  step(): boolean {
    if (this.tasks.length === 0) return false;
    this.tasks.sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    const task = this.tasks.shift()!;
    this.clock = Math.max(this.clock, task.dueAt);
    task.fn();
    return true;
  }

  /** Runs tasks until none is left (guarding against endless loops). */
  runAll(limit = 100_000): void {
    for (let i = 0; i < limit; i++) if (!this.step()) return;
    throw new Error(`FakeRuntime.runAll: still busy after ${limit} tasks`);
  }

  /** Moves the clock forward by ms, running the tasks that fall due in that time. */
  advance(ms: number): void {
    const until = this.clock + ms;
    for (;;) {
      this.tasks.sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
      const next = this.tasks[0];
      if (!next || next.dueAt > until) break;
      this.step();
    }
    this.clock = until;
  }

  verifyOidcToken(): Promise<Record<string, unknown>> {
    return Promise.reject(new Error('FakeRuntime: no OIDC'));
  }

  issueSessionCredential(): never {
    throw new Error('FakeRuntime: no credentials');
  }
}

export const TEST_PRINCIPAL: Principal = {
  accessKeyId: 'ASIATESTTESTTESTTEST',
  arn: 'arn:aws:sts::123456789012:assumed-role/compliance-gate/run-1',
  accountId: '123456789012',
  userId: 'AROATEST:run-1'
};

/** A RequestContext for calling handlers directly. */
export function fakeContext(
  state: AccountState,
  sim: FakeRuntime,
  operation = 'Test',
  principal: Principal | undefined = TEST_PRINCIPAL
): RequestContext {
  const ctx: RequestContext = {
    service: 'ssm',
    operation,
    requestId: `req-${operation}`,
    state,
    now: () => sim.now(),
    sim
  };
  if (principal) ctx.principal = principal;
  return ctx;
}

/** Output types of the SSM operations (the SDK's, which mirror ssm.json), for calling handlers in tests. */
export interface SsmOutputs {
  CreateDocument: Ssm.CreateDocumentResult;
  UpdateDocument: Ssm.UpdateDocumentResult;
  DescribeDocument: Ssm.DescribeDocumentResult;
  GetDocument: Ssm.GetDocumentResult;
  UpdateDocumentDefaultVersion: Ssm.UpdateDocumentDefaultVersionResult;
  DeleteDocument: Ssm.DeleteDocumentResult;
  ListDocuments: Ssm.ListDocumentsResult;
  ListDocumentVersions: Ssm.ListDocumentVersionsResult;
  AddTagsToResource: Ssm.AddTagsToResourceResult;
  RemoveTagsFromResource: Ssm.RemoveTagsFromResourceResult;
  ListTagsForResource: Ssm.ListTagsForResourceResult;
  StartAutomationExecution: Ssm.StartAutomationExecutionResult;
  GetAutomationExecution: Ssm.GetAutomationExecutionResult;
  StopAutomationExecution: Ssm.StopAutomationExecutionResult;
  DescribeAutomationExecutions: Ssm.DescribeAutomationExecutionsResult;
  DescribeAutomationStepExecutions: Ssm.DescribeAutomationStepExecutionsResult;
}

/** Calls an SSM handler directly (no HTTP), typed by the operation's output. */
export function callSsm<K extends keyof SsmOutputs>(
  ctx: RequestContext,
  operation: K,
  input: Record<string, unknown>
): SsmOutputs[K] {
  const handler = ssmHandlers[operation];
  if (!handler) throw new Error(`ssmHandlers has no ${operation}`);
  return handler(input, ctx) as SsmOutputs[K];
}
