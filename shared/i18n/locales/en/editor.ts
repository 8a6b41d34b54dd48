/** The editor: its toolbar, status bar, conflict choices and continue writing. */
export const editor = {
  textLabel: 'Document text',
  placeholder: 'Start writing…',
  unreadable: 'Part of this document could not be read, so its plain text is shown.',
  /** A stored document the editor cannot show, shown as plain text instead (PlainTextView). */
  plainText: {
    tooDeep:
      'This document’s lists or quotes are nested more than {{max, number}} levels deep, deeper than the editor can show, so it is shown here as plain text.',
    notShown:
      'The editor could not show this document ({{reason}}), so it is shown here as plain text.',
    kept: 'Nothing in it has been changed: you can read and copy it here, or export it to keep a copy.',
    label: 'Document text (plain text, read only)',
    editAsText: 'Edit as plain text',
    editAsTextTitle:
      'Opens the words in the editor without their lists and formatting; your next change saves them that way',
  },
  pasteTooDeep:
    'What you pasted is nested more than {{max, number}} levels deep, deeper than the editor can show, so only its words were pasted.',
  saveStatus: {
    saved: 'Saved',
    saving: 'Saving…',
    pending: 'Unsaved changes',
    retrying: 'Unsaved changes – retrying',
    conflict: 'Unsaved – changed elsewhere',
    offline: 'Unsaved changes – waiting for the connection',
    changedElsewhere: 'This document was changed somewhere else since it was opened here.',
  },
  /** A save the server cannot take as it is, said in the status bar in full (not retried). */
  saveProblem: {
    tooLargeStatus: 'Not saved – too large',
    refusedStatus: 'Not saved',
    tooLarge:
      'This document is {{size}} MB as saved, more than the {{limit}} MB Inkwell can save. Shorten it, or move part of it into a new document, and it saves.',
    copyKept:
      'Your latest text is still here, and a copy is kept in this browser’s storage until it saves.',
    copyNotKept:
      'Your latest text is only in this window (this browser could not keep a copy): keep it open.',
  },
  characters_one: '{{count, number}} character',
  characters_other: '{{count, number}} characters',
  conflict: {
    message: 'This document was changed elsewhere.',
    keepMine: 'Keep mine',
    loadTheirs: 'Load theirs',
    keepMineFailed: 'Could not save your version',
    loadTheirsFailed: 'Could not load the other version',
  },
  toolbar: {
    label: 'Formatting',
  },
  /** Text formatting, on the toolbar and in the shortcuts overlay. */
  format: {
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    undo: 'Undo',
    redo: 'Redo',
  },
  blocks: {
    paragraph: 'Paragraph',
    h1: 'Heading 1',
    h2: 'Heading 2',
    h3: 'Heading 3',
    bullet: 'Bulleted list',
    number: 'Numbered list',
    quote: 'Quote',
  },
  /** The probabilities view (editor/probabilities/): what the model weighed at each token. */
  probabilities: {
    toggle: '% Probabilities',
    toggleTitle: 'Show how likely each suggested token was ({{shortcut}})',
    legendLabel: 'Probability of each token',
    legendDistribution: 'after the sampler settings',
    legendGreedy: "greedy: among the model's {{candidates, number}} likeliest tokens",
    legendNoteGreedy:
      'Tint: how likely the model found each token among its {{candidates, number}} likeliest (after the repetition penalty and word biases), scaled so those add up to 100%: greedy always takes the likeliest, so its own odds would always be 100%. {{shortcut}} on the suggestion lists the alternatives.',
    legendNote:
      'Tint: how likely the model found each token, in the distribution it was drawn from (after temperature, top-k, top-p, min-p and the repetition penalty). {{shortcut}} on the suggestion lists the alternatives.',
    level0: 'under 10%',
    level1: '10–25%',
    level2: '25–50%',
    level3: '50–80%',
    level4: 'over 80%',
    unavailable: 'This engine does not say how likely its tokens were.',
    popoverLabel: 'Alternatives for “{{token}}”, token {{index, number}} of {{count, number}}',
    option: '“{{token}}” {{percent}}',
    chosen: 'written',
    noAlternatives:
      'No other tokens are listed when the sampler draws from the whole vocabulary (no top-k, top-p or min-p).',
    popoverHint: '↑↓ choose · Enter branch from here · ←→ other tokens · Esc close',
    kept: 'Kept text cannot be changed here: choose a token that is still pending.',
    waiting: 'Wait until the model has answered, then choose again.',
    shortcuts: {
      toggle: 'Show or hide how likely each suggested token was',
      inspect:
        'On the suggestion, or on kept text at the caret: the alternatives of a token, to branch from it',
    },
  },
  continue: {
    atOnce: '×{{count}}',
    atOnceLabel: 'Alternatives per continue',
    atOnceTitle:
      'How many alternatives each continue writes for the spot (Alt+[ and Alt+] go through them)',
    continue: '✎ Continue',
    continueTitle: 'Continue writing at the cursor ({{shortcut}})',
    stop: '■ Stop',
    stopTitle: 'Stop writing ({{shortcut}})',
    failed: 'The continuation stopped; your text is unchanged',
    couldNotContinue: 'Could not continue',
    modelStopped: 'The model stopped unexpectedly.',
    alternativesFailed: 'Could not show the other continuations',
    markKeptFailed: 'Could not mark it as kept',
    suggestionLabel: 'Suggested continuation',
    loadingAtCursor: 'Loading the model ({{number}} of {{count}}: {{step}})',
    loadingAtCursorPercent: 'Loading the model ({{number}} of {{count}}: {{step}} {{percent}}%)',
    loadingKeys: 'Esc stops',
  },
  /** The continue shortcuts, as the shortcuts overlay lists them. */
  continueShortcuts: {
    continue: 'Continue writing at the cursor',
    acceptAll: 'Keep the suggested text',
    acceptWord: 'Keep its next word',
    escape: 'Stop the suggestion; press again to drop it',
    another: 'Another suggestion for this spot',
    previous: 'Previous suggestion for this spot',
    next: 'Next suggestion for this spot',
  },
  status: {
    writing: 'Writing…',
    modelUnknown: 'Model: …',
    loading: 'Loading model…',
    loadingStep: 'Loading model… {{step}}',
    loadingStepPercent: 'Loading model… {{step}} {{percent}}%',
    crashed: 'Model stopped – Continue restarts it',
    noModel: 'No model loaded (Continue loads the demo model)',
    context: 'Context {{prompt, number}} + {{newTokens, number}} / {{size, number}}',
    server: 'Server {{host}}',
    contextEstimated:
      'Estimated: the server has no tokenizer endpoint, so these counts go by the text’s length',
    contextTitle: 'Tokens of text before the cursor + new tokens, of the model’s context',
    dropped_one: '{{count, number}} earlier token does not fit and is left out',
    dropped_other: '{{count, number}} earlier tokens do not fit and are left out',
    droppedAbout_one: '{{count, number}} (about) earlier token does not fit and is left out',
    droppedAbout_other: '{{count, number}} (about) earlier tokens do not fit and are left out',
    speed: '{{speed}} tokens/s',
    speedTitle: 'Speed of the last continuation',
    firstToken:
      'first words in {{seconds, number(minimumFractionDigits: 2; maximumFractionDigits: 2)}} s',
    firstTokenTitle:
      'Time from Continue to the first words of the last continuation: the model read what it had not read before',
    /** The engine's load steps (LoadStep values), after "Loading model…". */
    loadSteps: {
      startingEngine: 'starting engine',
      validating: 'validating',
      loadingModel: 'loading model',
      creatingContext: 'creating context',
    },
  },
} as const;
