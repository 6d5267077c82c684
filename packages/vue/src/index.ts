// Re-exports the core, so installing this one package is enough. The framework binding
// (`useGesture()`) arrives with the adapters issue.
export * from '@gesture/core';
