import type { ServiceHandlers, ServiceName } from '../types.js';
import { configHandlers } from './config.js';
import { snsHandlers } from './sns.js';
import { ssmHandlers } from './ssm.js';
import { stsHandlers } from './sts.js';

/** Every implemented operation, by service. An operation absent here answers an error, never an empty success. */
export const handlers: Record<ServiceName, ServiceHandlers> = {
  config: configHandlers,
  ssm: ssmHandlers,
  sts: stsHandlers,
  sns: snsHandlers
};
