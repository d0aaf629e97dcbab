/**
 * The React app of tests/react/react.test.ts, bundled by rollup (with React, react-dom and
 * the library's source) into tests/react/build/app.js: React 19 is CommonJS only, so the test
 * runner cannot serve it as a module itself. No JSX: `React.createElement`, so no tsconfig
 * change. The test imports only the built file; this module gives it its types.
 */
import * as React from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  BusinessPlanOutline,
  CashFlowCalculator,
  ProviderFinder,
  ToolboxBrowser,
  type BusinessPlanOutlineProps,
  type CashFlowCalculatorProps,
  type ProviderFinderProps,
  type ToolboxBrowserProps,
} from '../../src/react/index.js';

/** Props for each of the four widgets; a widget whose props are omitted is not rendered. */
export interface AppProps {
  toolbox?: ToolboxBrowserProps;
  calculator?: CashFlowCalculatorProps;
  plan?: BusinessPlanOutlineProps;
  providers?: ProviderFinderProps;
}

export interface MountedApp {
  /** Render again with new props (synchronously, effects included). */
  render(props: AppProps): void;
  /** Unmount the React tree. */
  unmount(): void;
}

function App(props: AppProps): React.ReactElement {
  return React.createElement(
    'main',
    null,
    props.toolbox && React.createElement(ToolboxBrowser, { key: 'toolbox', ...props.toolbox }),
    props.calculator && React.createElement(CashFlowCalculator, { key: 'calculator', ...props.calculator }),
    props.plan && React.createElement(BusinessPlanOutline, { key: 'plan', ...props.plan }),
    props.providers && React.createElement(ProviderFinder, { key: 'providers', ...props.providers }),
  );
}

/** Renders the wrappers with `react-dom/client` into `container`; returns when React has committed. */
export function mount(container: HTMLElement, props: AppProps): MountedApp {
  const root = createRoot(container);
  const render = (next: AppProps) => flushSync(() => root.render(React.createElement(App, next)));
  render(props);
  return {
    render,
    unmount: () => flushSync(() => root.unmount()),
  };
}

/** The React version actually bundled (the test checks it is the one under test). */
export const reactVersion: string = React.version;
