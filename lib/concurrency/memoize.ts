/**
 * Remembers `compute`'s answer per key, for the few keys a process meets again and again on the
 * send path (endpoint URLs, sealed secrets, signing keys). Past `max` keys it starts over rather
 * than grow without bound.
 */
export function memoize<V>(compute: (key: string) => V, max = 1000): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}
