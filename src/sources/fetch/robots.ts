/** Loads an origin's robots.txt: its text, or null when there is none to obey (404, unreachable…). */
export type RobotsLoader = (robotsUrl: string) => Promise<string | null>;

type Verdict = (url: string) => boolean;

const ALLOW_ALL: Verdict = () => true;

/** The product token robots.txt groups are matched against: "adscan/0.1.0 (+https://…)" → "adscan". */
export function robotsAgent(userAgent: string): string {
  return userAgent.trim().split(/[\s/]/)[0] || '*';
}

/**
 * robots.txt verdicts, one fetch per origin (scheme, host and port) for the whole run. Concurrent
 * URLs of one origin share the pending fetch. A robots.txt that cannot be had allows everything.
 */
export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Verdict>>();
  private readonly agent: string;

  constructor(
    private readonly load: RobotsLoader,
    userAgent: string,
  ) {
    this.agent = robotsAgent(userAgent);
  }

  /** Whether the URL may be fetched; rejects with the signal's reason if it aborts while waiting. */
  async allows(url: URL, signal: AbortSignal): Promise<boolean> {
    let verdict = this.byOrigin.get(url.origin);
    if (!verdict) {
      verdict = this.rulesFor(url.origin);
      this.byOrigin.set(url.origin, verdict);
    }
    return (await untilAborted(verdict, signal))(url.href);
  }

  private async rulesFor(origin: string): Promise<Verdict> {
    const robotsUrl = `${origin}/robots.txt`;
    let text: string | null;
    try {
      text = await this.load(robotsUrl);
    } catch {
      text = null;
    }
    if (text === null) return ALLOW_ALL;
    const robots = (await loadParser())(robotsUrl, text);
    // undefined means "not this robots.txt's origin", which cannot happen here; allow it then.
    return (url) => robots.isAllowed(url, this.agent) !== false;
  }
}

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
type RobotsParser = (url: string, contents: string) => ParsedRobots;

/**
 * robots-parser is CommonJS (module.exports = function) while its typings declare an ES default
 * export; under NodeNext the import's `default` is the function itself. Accept either shape.
 */
async function loadParser(): Promise<RobotsParser> {
  const mod = (await import('robots-parser')) as unknown as { default: RobotsParser | { default: RobotsParser } };
  return typeof mod.default === 'function' ? mod.default : mod.default.default;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
