export * from './bundle-part';
export * from './bundle-verifier';
export * from './bundle-writer';
