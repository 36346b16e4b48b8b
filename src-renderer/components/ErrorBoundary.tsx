import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of a crashed view: plain words and a way out, never the exception. */
  fallback: ReactNode;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // For whoever opens the developer tools; the screen shows only the fallback.
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
