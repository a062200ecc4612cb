import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom does no layout, so every element reports a 0×0 client box and the virtualized list would render no rows.
// A fixed viewport (about 20 rows of the capture list) lets the list behave as in a real window.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });

afterEach(() => {
  cleanup();
});
