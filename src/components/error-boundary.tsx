import { Component, type ReactNode } from 'react';

type ErrorBoundaryProps = { fallback: (error: Error) => ReactNode; children: ReactNode };

/** Turns a render error (for example a framework that fails validation) into a message. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
