import type { ServiceHandlers } from '../types.js';

/** sns operations of the simulated account. */
export const snsHandlers: ServiceHandlers = {};
