// The parts of @doyensec/electronegativity's programmatic API (dist/runner.js) the checklist scan uses; it ships no types.
declare module '@doyensec/electronegativity' {
  interface Level {
    name: string;
    value: number;
  }
  export interface Issue {
    id: string;
    file: string;
    location: { line: number; column: number };
    severity: Level;
    confidence: Level;
    description: string;
    manualReview: boolean;
    shortenedURL: string;
  }
  export interface RunOptions {
    input: string;
    excludeFromScan?: string[];
    electronVersionOverride?: string;
    isRelative?: boolean;
  }
  export default function run(options: RunOptions): Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable?: boolean }[] }>;
}
