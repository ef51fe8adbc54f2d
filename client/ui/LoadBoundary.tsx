/**
 * Around a part of the page loaded on demand (a lazy chunk): if loading it
 * fails (offline before the service worker had cached it, or a chunk that a
 * newer build replaced), the rest of the page stays up and this part says
 * so, with a Retry that is also pressed for you when the browser comes back
 * online. Without it, React unmounts the whole app on such an error.
 */
import { Component, type ReactNode } from 'react';

interface LoadBoundaryProps {
  /** What stands in the part's place when it could not be loaded; `retry` loads it again. */
  failed: (retry: () => void) => ReactNode;
  /** Loads the part again (a fresh lazy component: React remembers a failed one). */
  onRetry: () => void;
  children: ReactNode;
}

export class LoadBoundary extends Component<LoadBoundaryProps, { error: boolean }> {
  override state = { error: false };

  static getDerivedStateFromError(): { error: boolean } {
    return { error: true };
  }

  override componentDidMount(): void {
    window.addEventListener('online', this.retry);
  }

  override componentWillUnmount(): void {
    window.removeEventListener('online', this.retry);
  }

  private readonly retry = (): void => {
    if (!this.state.error) return;
    this.setState({ error: false });
    this.props.onRetry();
  };

  override render(): ReactNode {
    return this.state.error ? this.props.failed(this.retry) : this.props.children;
  }
}
