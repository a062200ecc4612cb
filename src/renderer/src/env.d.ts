/// <reference types="vite/client" />
import type { RawApi } from '../../shared/api';

declare global {
  interface Window {
    /** Present only inside the desktop app: the preload's narrow, typed bridge object. */
    hookbench?: RawApi;
  }
}

export {};
