// The configurator (demo/configurator.html): being written.
export {};
