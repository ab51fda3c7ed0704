/**
 * Tests are quiet by default (jest setupFiles): the workflow commands `::debug::` and `::add-mask::` that
 * @actions/core prints for libraries the code calls (@actions/glob logs its options at debug) are dropped from the
 * test output; TEST_VERBOSE=1 keeps them. Tests that check such lines capture stdout themselves (runInProcess and
 * spawnDist replace or pipe it), so they still see every line. The AWS SDK's Node.js version warning is switched off
 * with its documented variable, as the action's client factory does, for tests that build SDK clients directly.
 */
const DROPPED = /^::(debug|add-mask)::/;

if (process.env.TEST_VERBOSE !== '1') {
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk === 'string' && DROPPED.test(chunk)) {
      const kept = chunk
        .split('\n')
        .filter(line => !DROPPED.test(line))
        .join('\n');
      if (kept.trim() === '') {
        const callback = rest.find(r => typeof r === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      }
      return write(kept, ...rest);
    }
    return write(chunk, ...rest);
  };
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
