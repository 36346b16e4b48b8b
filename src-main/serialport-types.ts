/**
 * @serialport/bindings-interface ships its .d.ts outside its package "exports", so Bundler
 * resolution cannot see it by name. This is the one place that reaches for the types by path
 * (type-only: nothing of it exists at run time).
 */
export type {
  BindingInterface,
  BindingPortInterface,
  OpenOptions,
  PortInfo,
  PortStatus,
  UpdateOptions,
} from '../node_modules/@serialport/bindings-interface/dist/index';
