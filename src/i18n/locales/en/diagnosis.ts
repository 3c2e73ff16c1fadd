// The diagnosis: regime titles, the evidence sentences of the detectors (src/diagnosis) and the
// remedies. The evidence is built from keys and parameters (src/diagnosis/message.ts), so a
// language switch re-renders it; English is also kept as the plain `evidence` string.
const diagnosis = {
  regime: {
    overfitting: 'Overfitting',
    underfitting: 'Underfitting',
    goodFit: 'Good fit',
    diverged: 'Diverged',
    tooEarly: 'Too early to tell',
  },
  announcement: 'Diagnosis: {{title}}',
  since: ' since epoch {{epoch}}',
  remediesLabel: 'Remedies',
  colon: ': ',
  num: {
    large: 'a very large value',
    undefined: 'an undefined value',
    largeAmount: 'a very large amount',
    manyTimes: 'many times',
    times: '{{x}}×',
  },
  ref: {
    baseline: 'the {{value}} a model that ignores the inputs gets',
    start: 'the {{value}} it started at',
  },
  blowUp: 'training loss rose from {{from}} to {{to}} since epoch {{since}}',
  bounce: 'training loss jumps about {{jump}}× from epoch to epoch since epoch {{since}} and stays near {{level}}, above {{ref}}: the steps overshoot',
  rising: {
    kept: 'kept falling ({{from}} → {{to}})',
    flat: 'stayed flat at {{value}}',
    evidence: 'validation loss has risen {{rise}} since its minimum of {{min}} at epoch {{epoch}} while training loss {{train}}',
  },
  gap: 'validation loss {{val}} is {{times}} the training loss {{train}} and has not improved since epoch {{epoch}}',
  fall: {
    only: 'has fallen only {{pct}}',
    none: 'has not fallen',
  },
  underfit:
    'training loss {{train}} is {{pct}} of {{ref}} and {{fall}} over the last {{epochs}} epochs (flat since epoch {{since}})',
  capacity: {
    acc: ' ({{pct}}% accuracy)',
    evidence:
      'training loss plateaued at {{train}} (it {{fall}} over the last {{epochs}} epochs, flat since epoch {{since}}); a {{layers}}×{{units}} reference network reaches a validation loss of {{val}}{{acc}} on the same data, so this model lacks capacity',
  },
  still: {
    falling: 'training loss {{train}} is still falling (down {{pct}} over the last {{epochs}} epochs) and not yet clearly below {{ref}}',
    notBelow: 'training loss {{train}} is not yet clearly below {{ref}}',
  },
  good: {
    within: 'is within {{pct}} of training loss {{train}}',
    below: 'is {{pct}} below training loss {{train}}',
    above: 'is {{pct}} above training loss {{train}}',
    times: 'is {{times}} training loss {{train}}',
    atMin: 'at its minimum',
    aboveMin: '{{pct}} above its minimum at epoch {{epoch}}',
    falling: 'validation loss {{val}} {{gap}} and still falling (down {{pct}} over the last {{epochs}} epochs)',
    held: 'validation loss {{val}} {{gap}}, {{min}}, and has held near that level since epoch {{since}}',
  },
  overflow: 'the loss overflowed to infinity or not-a-number at epoch {{epoch}}',
  nonFinite: {
    nan: 'the loss became not-a-number at epoch {{epoch}}',
    inf: 'the loss became infinite at epoch {{epoch}}',
  },
  tooShort_one: 'only {{count}} epoch so far; a verdict needs at least {{min}}',
  tooShort_other: 'only {{count}} epochs so far; a verdict needs at least {{min}}',
  remedy: {
    strongerL2: 'Stronger L2 (λ = {{l2}})',
    addL2: 'Add L2 (λ = 0.01)',
    dropout: 'Add dropout (0.3 per layer)',
    earlyStop: 'Early stopping (patience 30)',
    moreData: 'More training data ({{n}} points)',
    fewerUnits: 'Fewer units (halve each layer)',
    moreUnits: 'More units (double each layer)',
    addHidden: 'Add a hidden layer of 8',
    addLayer: 'Add a layer',
    trainLonger: 'Train longer',
    raiseLr: 'Raise the learning rate ({{lr}})',
    features: 'Add input features x₁², x₂², x₁x₂',
    lowerLr: 'Lower the learning rate to {{lr}} and start again',
  },
} as const;
export default diagnosis;
