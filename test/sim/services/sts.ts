import type { ServiceHandlers } from '../types.js';

/** sts operations of the simulated account. */
export const stsHandlers: ServiceHandlers = {};
