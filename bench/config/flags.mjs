// The benchmark's flags, segments and evaluation contexts, generated from a fixed seed so that every
// run, and both services, get the same ones (see README.md, "The flags"). One neutral model is written
// out twice: as config-service's flag definitions and as Unleash's feature toggles with strategies.
//
// The model keeps to what both evaluate alike: boolean rules only switch a flag on (Unleash's
// strategies can only enable), a rollout is the last rule of its flag (an Unleash strategy that
// misses its percentage falls through to the next, a config-service rollout decides), every context
// carries every attribute (a negated condition on a missing attribute differs), a segment condition
// names one segment (Unleash requires all of a strategy's segments, config-service any one of a
// condition's), and versions, numbers and instants are compared with operators both have.

/** mulberry32: a small seeded generator, so the flags are the same on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLANS = ['free', 'pro', 'team', 'enterprise'];
const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'CA', 'BR', 'IN', 'JP', 'AU', 'NL', 'SE', 'ES'];
const PLATFORMS = ['ios', 'android', 'web', 'desktop'];
const DOMAINS = ['example.com', 'acme.io', 'corp.example', 'mail.test'];
const TEAMS = ['checkout', 'search', 'growth', 'platform', 'mobile', 'billing', 'identity'];
const WORDS = ['new', 'fast', 'beta', 'classic', 'compact', 'dark', 'guided', 'smart', 'legacy', 'modern'];

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
function some(rnd, list, min, max) {
  const count = min + Math.floor(rnd() * (max - min + 1));
  const shuffled = [...list].sort(() => rnd() - 0.5);
  return shuffled.slice(0, count).sort();
}
const version = (rnd) => `${1 + Math.floor(rnd() * 4)}.${Math.floor(rnd() * 12)}.${Math.floor(rnd() * 10)}`;

/** One condition: {attribute, op, value | values}, op one of the model's operators (see CONFIG_OPERATORS). */
function condition(rnd) {
  switch (Math.floor(rnd() * 9)) {
    case 0: return { attribute: 'plan', op: 'in', values: some(rnd, PLANS, 1, 2) };
    case 1: return { attribute: 'country', op: 'in', values: some(rnd, COUNTRIES, 2, 6) };
    case 2: return { attribute: 'country', op: 'notIn', values: some(rnd, COUNTRIES, 1, 3) };
    case 3: return { attribute: 'platform', op: 'in', values: some(rnd, PLATFORMS, 1, 2) };
    case 4: return { attribute: 'email', op: 'endsWith', values: [`@${pick(rnd, DOMAINS)}`] };
    case 5: return { attribute: 'appVersion', op: rnd() < 0.5 ? 'semverGreaterThan' : 'semverLessThan', value: version(rnd) };
    case 6: return { attribute: 'seats', op: pick(rnd, ['greaterThan', 'greaterOrEqual', 'lessThan']), value: 1 + Math.floor(rnd() * 400) };
    case 7: return { op: 'after', value: '2020-01-01T00:00:00Z' };
    default: return { attribute: 'plan', op: 'notIn', values: some(rnd, PLANS, 1, 1) };
  }
}

/**
 * The model: `segments` (key -> conditions) and `flags`, each {key, type, description, enabled, variants
 * (name -> value), defaultVariant, rules: [{name, conditions, segments (keys), variant | rollout [{variant,
 * percentage}]}]}.
 */
export function model({ flags = 350, segments = 12, seed = 23 } = {}) {
  const rnd = random(seed);
  const segmentList = {};
  for (let i = 0; i < segments; i++) {
    segmentList[`segment-${i}`] = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => condition(rnd));
  }
  const segmentKeys = Object.keys(segmentList);
  const list = [];
  for (let i = 0; i < flags; i++) {
    const kind = rnd();
    const type = kind < 0.55 ? 'boolean' : kind < 0.8 ? 'string' : 'number';
    const team = pick(rnd, TEAMS);
    const key = `${team}.${pick(rnd, WORDS)}-${type}-${i}`;
    const description = `${team}: ${pick(rnd, WORDS)} ${pick(rnd, WORDS)} behaviour`;
    const enabled = rnd() > 0.05;
    const rules = [];
    const targeted = rnd() < 0.35 ? 0 : rnd() < 0.9 ? 1 : 2;
    let variants;
    let defaultVariant;
    if (type === 'boolean') {
      variants = { on: true, off: false };
      if (rnd() < 0.1) {
        // switched on for everyone: no rules (Unleash: one strategy without constraints); never switched
        // off, since config-service then answers the default (on) and Unleash leaves the toggle out (off)
        list.push({ key, type, description, enabled: true, variants, defaultVariant: 'on', rules });
        continue;
      }
      defaultVariant = 'off';
    } else if (type === 'string') {
      const names = some(rnd, WORDS, 2, 4);
      variants = Object.fromEntries(names.map((name) => [name, `${name}-${team}-layout`]));
      defaultVariant = names[0];
    } else {
      const names = ['low', 'medium', 'high'];
      variants = { low: 10, medium: 50 + Math.floor(rnd() * 50), high: 200 + Math.floor(rnd() * 800) };
      defaultVariant = names[Math.floor(rnd() * 3)];
    }
    const names = Object.keys(variants);
    for (let r = 0; r < targeted; r++) {
      const conditions = Array.from({ length: rnd() < 0.9 ? 1 : 2 }, () => condition(rnd));
      const ruleSegments = rnd() < 0.25 ? [pick(rnd, segmentKeys)] : [];
      rules.push({ name: `rule-${r}`, conditions, segments: ruleSegments, variant: type === 'boolean' ? 'on' : pick(rnd, names) });
    }
    if (rnd() < 0.45) {
      const conditions = rnd() < 0.3 ? [condition(rnd)] : [];
      let rollout;
      if (type === 'boolean') {
        const on = 5 + Math.floor(rnd() * 90);
        rollout = [{ variant: 'on', percentage: on }, { variant: 'off', percentage: 100 - on }];
      } else {
        const first = 10 + Math.floor(rnd() * 60);
        const second = names.length > 2 ? Math.floor(rnd() * (100 - first)) : 100 - first;
        rollout = [{ variant: names[0], percentage: first }, { variant: names[1], percentage: second },
          { variant: names[2], percentage: 100 - first - second }].filter((share) => share.variant && share.percentage > 0);
      }
      rules.push({ name: 'gradual', conditions, segments: [], rollout });
    }
    list.push({ key, type, description, enabled, variants, defaultVariant, rules });
  }
  return { segments: segmentList, flags: list };
}

/** CONTEXTS evaluation contexts, user-0 … : every one carries every attribute the conditions read. */
export function contexts(count, seed = 42) {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => ({
    targetingKey: `user-${i}`,
    plan: pick(rnd, PLANS),
    country: pick(rnd, COUNTRIES),
    platform: pick(rnd, PLATFORMS),
    email: `user-${i}@${pick(rnd, DOMAINS)}`,
    appVersion: version(rnd),
    seats: 1 + Math.floor(rnd() * 500),
  }));
}

// ---- config-service ------------------------------------------------------------------------------

function configCondition(c) {
  const operator = c.op === 'in' && c.values.length === 1 ? 'equals' : c.op;
  const out = { operator };
  if (c.attribute) out.attribute = c.attribute;
  if (operator === 'equals') out.value = c.values[0];
  else if (c.values && (c.op === 'in' || c.op === 'notIn')) out.values = c.values;
  else out.value = c.values ? c.values[0] : c.value;
  return out;
}

/** A segment's definition for PUT /api/v1/segments/{key}. */
export const configSegment = (key, conditions) => ({ description: `benchmark ${key}`, conditions: conditions.map(configCondition) });

/** A flag's definition for PUT /api/v1/flags/{key}?env=. */
export function configFlag(flag) {
  const definition = {
    type: flag.type,
    description: flag.description,
    enabled: flag.enabled,
    variants: flag.variants,
    defaultVariant: flag.defaultVariant,
  };
  if (flag.rules.length > 0) {
    definition.rules = flag.rules.map((rule) => {
      const conditions = [...rule.conditions.map(configCondition),
        ...rule.segments.map((segment) => ({ operator: 'inSegment', values: [segment] }))];
      const out = { name: rule.name };
      if (conditions.length > 0) out.conditions = conditions;
      if (rule.rollout) out.rollout = rule.rollout;
      else out.variant = rule.variant;
      return out;
    });
  }
  return definition;
}

// ---- Unleash -------------------------------------------------------------------------------------

const UNLEASH_OPERATORS = {
  in: 'IN', notIn: 'NOT_IN', endsWith: 'STR_ENDS_WITH', semverGreaterThan: 'SEMVER_GT', semverLessThan: 'SEMVER_LT',
  greaterThan: 'NUM_GT', greaterOrEqual: 'NUM_GTE', lessThan: 'NUM_LT', after: 'DATE_AFTER',
};

/** Unleash's constraint for a condition (multi-value operators take `values`, the others `value`). */
export function unleashConstraint(c) {
  const operator = UNLEASH_OPERATORS[c.op];
  const constraint = { contextName: c.attribute ?? 'currentTime', operator, caseInsensitive: false, inverted: false };
  if (operator === 'IN' || operator === 'NOT_IN' || operator === 'STR_ENDS_WITH') constraint.values = c.values.map(String);
  else constraint.value = String(c.value);
  return constraint;
}

/** The custom context fields the constraints name (Unleash defines userId, currentTime … itself). */
export const UNLEASH_CONTEXT_FIELDS = ['plan', 'country', 'platform', 'email', 'appVersion', 'seats'];

function payload(flag, variant) {
  return { type: flag.type === 'number' ? 'number' : 'string', value: String(flag.variants[variant]) };
}

/** A strategy's variants that always answer `variant`. */
const fixedVariant = (flag, variant) => [{ name: variant, weight: 1000, weightType: 'variable', stickiness: 'default', payload: payload(flag, variant) }];

/**
 * The strategies of a flag in its environment, in order, each a flexibleRollout: a targeting rule is a
 * strategy at 100 % with its constraints and segments (and, for a string or number flag, its variant); a
 * rollout is one at the `on` share (boolean) or at 100 % with weighted variants; a string or number flag
 * ends with a strategy without constraints carrying the default variant, and a boolean flag switched on
 * for everyone is that strategy alone. `segmentIds` maps segment keys to Unleash's ids.
 */
export function unleashStrategies(flag, segmentIds) {
  const strategies = [];
  const groupId = flag.key;
  const base = (rollout) => ({ name: 'flexibleRollout', constraints: [], segments: [], disabled: false,
    parameters: { rollout: String(rollout), stickiness: 'default', groupId } });
  for (const rule of flag.rules) {
    let strategy;
    if (rule.rollout && flag.type === 'boolean') {
      strategy = base(rule.rollout.find((share) => share.variant === 'on').percentage);
    } else if (rule.rollout) {
      strategy = base(100);
      strategy.variants = rule.rollout.map((share) => ({
        name: share.variant, weight: share.percentage * 10, weightType: 'variable', stickiness: 'default',
        payload: payload(flag, share.variant),
      }));
    } else {
      strategy = base(100);
      if (flag.type !== 'boolean') strategy.variants = fixedVariant(flag, rule.variant);
    }
    strategy.constraints = rule.conditions.map(unleashConstraint);
    strategy.segments = rule.segments.map((key) => segmentIds[key]);
    strategies.push(strategy);
  }
  if (flag.type !== 'boolean' || flag.defaultVariant === 'on') {
    const strategy = base(100);
    if (flag.type !== 'boolean') strategy.variants = fixedVariant(flag, flag.defaultVariant);
    strategies.push(strategy);
  }
  return strategies;
}

/** Whether the flag's answer depends on a rollout (whose buckets the two services hash differently). */
export const hasRollout = (flag) => flag.rules.some((rule) => rule.rollout);

/** The value Unleash's frontend API answers for a flag: its toggle (absent: off), or its variant's payload. */
export function unleashValue(flag, toggle) {
  if (flag.type === 'boolean') return Boolean(toggle);
  if (!toggle) return flag.variants[flag.defaultVariant];
  const value = toggle.variant?.payload?.value;
  return flag.type === 'number' ? Number(value) : value;
}
