/** The job can never succeed as asked (no such version, another hash, content of the wrong shape): fail it without retries. */
export class UnprintableError extends Error {}
