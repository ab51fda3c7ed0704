import type { ServiceHandlers, ServiceName } from '../core/types.js';
import { configHandlers } from './config/handlers/index.js';
import { snsHandlers } from './sns/handlers.js';
import { ssmHandlers } from './ssm/handlers.js';
import { stsHandlers } from './sts/handlers.js';

/** Every implemented operation, by service. An operation absent here answers an error, never an empty success. */
export const handlers: Record<ServiceName, ServiceHandlers> = {
  config: configHandlers,
  ssm: ssmHandlers,
  sts: stsHandlers,
  sns: snsHandlers
};
