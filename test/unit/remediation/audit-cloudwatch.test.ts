import { describe, expect, it } from '@jest/globals';
import {
  auditStreamName,
  batchLogEvents,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS
} from '../../../src/remediation/audit-cloudwatch.js';
import { fitNote, notesOf, NOTE_MAX, configResourceArn } from '../../../src/remediation/security-hub.js';

const ev = (n: number, size = 1, t = 1_000) =>
  Array.from({ length: n }, () => ({ timestamp: t, message: 'x'.repeat(size) }));

describe('batchLogEvents (PutLogEvents limits)', () => {
  it('puts 10,000 events in one call and the 10,001st in the next', () => {
    expect(batchLogEvents(ev(MAX_BATCH_EVENTS)).map(b => b.length)).toEqual([10_000]);
    expect(batchLogEvents(ev(MAX_BATCH_EVENTS + 1)).map(b => b.length)).toEqual([10_000, 1]);
  });

  it('counts 26 bytes per event: exactly 1,048,576 bytes fit, one byte more splits', () => {
    const exact = [...ev(5, 209_689)]; // 5 x (209,689 + 26) = 1,048,575
    expect(batchLogEvents(exact).length).toBe(1);
    const sizes = (events: { message: string }[]) => events.reduce((n, e) => n + Buffer.byteLength(e.message) + 26, 0);
    const fits = [...ev(4, 209_689), { timestamp: 1_000, message: 'x'.repeat(209_690) }];
    expect(sizes(fits)).toBe(MAX_BATCH_BYTES);
    expect(batchLogEvents(fits).length).toBe(1);
    const over = [...ev(4, 209_689), { timestamp: 1_000, message: 'x'.repeat(209_691) }];
    expect(batchLogEvents(over).map(b => b.length)).toEqual([4, 1]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const wide = Array.from({ length: 5 }, () => ({ timestamp: 1, message: 'é'.repeat(104_845) })); // 209,690 bytes each
    expect(batchLogEvents(wide).map(b => b.length)).toEqual([4, 1]);
  });

  it('splits a batch that would span more than 24 hours, keeps one of exactly 24 hours', () => {
    const day = 24 * 3_600_000;
    expect(
      batchLogEvents([
        { timestamp: 0, message: 'a' },
        { timestamp: day, message: 'b' }
      ]).length
    ).toBe(1);
    expect(
      batchLogEvents([
        { timestamp: 0, message: 'a' },
        { timestamp: day + 1, message: 'b' }
      ]).length
    ).toBe(2);
  });

  it('refuses an event over 256 KB and events out of order', () => {
    expect(() => batchLogEvents(ev(1, 256 * 1024))).toThrow(/exceeds the CloudWatch Logs event limit/);
    expect(() =>
      batchLogEvents([
        { timestamp: 2, message: 'a' },
        { timestamp: 1, message: 'b' }
      ])
    ).toThrow(/chronological/);
  });

  it('names the stream OWNER/REPO/RUN_ID-ATTEMPT/JOB without the characters stream names cannot hold', () => {
    expect(auditStreamName('o/r', '42', '2', 'apply')).toBe('o/r/42-2/apply');
    expect(auditStreamName('o/r', '42', '1', 'a:b*c')).toBe('o/r/42-1/a-b-c');
    expect(auditStreamName('o/r', '42', '1', '')).toBe('o/r/42-1/job');
  });
});

describe('Security Hub notes', () => {
  it('keeps a note within 512 characters and keeps the run URL', () => {
    const url = 'https://github.com/o/r/actions/runs/1/attempts/1';
    const n = fitNote('y'.repeat(600), url);
    expect(n.length).toBe(NOTE_MAX);
    expect(n.endsWith(` Run: ${url}`)).toBe(true);
    expect(fitNote('short.', url)).toBe(`short. Run: ${url}`);
  });

  it('maps resources to the ARNs of Config findings; an unknown type has none', () => {
    expect(configResourceArn('123456789012', 'us-east-1', 'AWS::S3::Bucket', 'b')).toBe('arn:aws:s3:::b');
    expect(configResourceArn('123456789012', 'us-east-1', 'AWS::::Account', '123456789012')).toBe(
      'AWS::::Account:123456789012'
    );
    expect(configResourceArn('1', 'r', 'AWS::Foo::Bar', 'x')).toBeUndefined();
  });

  it('no note for skipped targets; alerted findings without an outcome are NOTIFIED', () => {
    const notes = notesOf([], [{ ruleName: 'r', resourceType: 'AWS::S3::Bucket', resourceId: 'b' }], undefined);
    expect(notes).toEqual([
      {
        rule: 'r',
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'b',
        workflow: 'NOTIFIED',
        text: 'compliance-gate: non-compliant, alert sent to the team.'
      }
    ]);
  });
});
