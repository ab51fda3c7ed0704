import type { ServiceHandlers } from '../types.js';

/** ssm operations of the simulated account. */
export const ssmHandlers: ServiceHandlers = {};
