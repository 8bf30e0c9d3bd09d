/**
 * A schema built the first time it is used rather than when its module loads.
 *
 * The API's answer and request schemas are a few hundred zod constructions; built eagerly,
 * they cost a page ~10 ms of its start (measured in Chromium on a 5,000-card board's first load), though
 * a page parses only the few answers it fetches, and later. Wrapped here, each is built on its
 * first property access (parse, safeParse, shape, extend, or zod reading it inside another
 * schema) and is then that schema in every respect.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    built ??= build();
    return built;
  };
  return new Proxy({} as T, {
    get: (_target, key) => {
      const value = Reflect.get(schema(), key);
      // zod's methods are closures over their schema, but bind anyway: one written with `this` still works.
      return typeof value === 'function' ? value.bind(schema()) : value;
    },
    has: (_target, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may only report a property as non-configurable if its target has it so; its target is empty.
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
