import type { ServiceHandlers } from '../types.js';

/** config operations of the simulated account. */
export const configHandlers: ServiceHandlers = {};
