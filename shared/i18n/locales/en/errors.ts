/**
 * Messages composed in main (or the model host) and shown to the writer. Main fills an
 * ApiError's English `message` from these same strings (shared/i18n/localizedMessage.ts), so the
 * English here is what logs and tests see: change it only together with them.
 */
export const errors = {
  /** The error banner: what failed, then why. */
  report: {
    withContext: '{{whatFailed}}: {{description}}',
    unexpected: 'Something unexpected went wrong.',
  },
  /** The browser's connection to the headless server (renderer/api/websocketTransport.ts). */
  connection: {
    dropped: 'The connection to Inkwell dropped before it answered. Trying again.',
    timedOut: 'Inkwell did not answer in time. Please try again.',
    unexpectedAnswer: 'Inkwell answered with something unexpected.',
    tooLarge: 'This is too large to send in one piece (the limit is {{limitMb}} MB).',
    unreachable:
      'Inkwell could not reach its server for {{seconds}} seconds. Your text is still here; it will be saved when the connection returns.',
    noToken:
      'This page has no access token. Open the address the Inkwell server printed (it ends in ?token=…).',
  },
  request: {
    unknownChannel: 'There is no channel called "{{channel}}".',
    noChannel: 'The request names no channel.',
    invalid: 'Invalid request for {{channel}} ({{path}}: {{problem}}).',
    invalidNoDetail: 'Invalid request for {{channel}} (the request does not match the contract).',
    binaryFrame: 'Binary frames are not supported; send each request as JSON text.',
    notJson: 'The request is not valid JSON.',
    notObject: 'A request must be a JSON object {id, channel, payload}.',
    badId: 'A request needs an "id" string of 1 to {{max}} characters.',
    untrustedWindow: 'This window may not talk to Inkwell.',
  },
  internal: {
    diskFull:
      'The disk is full, so this change could not be saved. Free some space; your text is still in the editor.',
    readOnly:
      'The data folder is read-only, so this change could not be saved. Your text is still in the editor.',
    unexpected: 'Something went wrong on our side; nothing was lost. The details are in the log.',
    unexpectedShort: 'Something went wrong on our side; nothing was lost.',
  },
  documents: {
    gone: 'That document no longer exists. It may have been removed.',
    purged: 'That document does not exist (it may have been purged).',
    revisionGone: 'That version of the document no longer exists.',
    changedElsewhere:
      '"{{title}}" was changed somewhere else since you opened it (it is now at version {{current}}, you had version {{base}}). Nothing was overwritten; your text is still in the editor.',
  },
  /** What keeps stored text exactly what was sent, and documents in the trash unchanged. */
  storedText: {
    brokenCharacter:
      'The text ({{path}}) holds half of a character at position {{position}} (an unpaired surrogate, which a broken copy can leave), so it was refused: text is stored only as whole characters. Delete or retype that character.',
    inTrash:
      '"{{title}}" is in the trash, so it cannot be changed. Restore it to go on; your text is still in the editor.',
  },
  continue: {
    branchWithoutParent: 'A branch needs the generation it branches from.',
    branchMismatch:
      'This branch does not fit the text before the cursor: the text was changed since. Try again from the token.',
    noTextBeforeCursor:
      'There is no text before the cursor to continue. Write a few words first (or add a memory in the settings).',
    modelLoading: 'The model {{path}} is still loading. Press Continue again when it is ready.',
    modelNotReady: '{{reason}} Load a model in the Models panel, then press Continue again.',
    noModel: 'No model is loaded. Load a model in the Models panel, then press Continue again.',
    replayServerMissing:
      'This generation was written by the model "{{model}}" on the server {{url}}. Switch to that server in the Models panel to replay it.',
    replayModelMissing:
      'This generation was made with {{model}} (sha256 {{sha}}…), which is not loaded and could not be loaded from {{path}}. Load that model to replay it exactly.',
    generationIdTaken:
      'A generation with the id {{id}} already exists. Each generation needs a new id.',
  },
  prompt: {
    noRoom:
      "Max new tokens ({{maxNewTokens}}) leaves no room for a prompt in the model's context of {{contextSize}} tokens. Lower max new tokens.",
    fixedTooLong:
      "The memory and author's note take {{fixedTokens}} tokens, but with {{maxNewTokens}} new tokens only {{room}} of the model's {{contextSize}} fit. They are never shortened automatically: shorten them or lower max new tokens.",
  },
  history: {
    noGeneration: 'There is no generation {{id}} in the history.',
    generationDeleted: 'There is no generation {{id}} in the history (it may have been deleted).',
    interrupted: 'Interrupted: Inkwell stopped before this generation finished.',
    nothingToRestore:
      'These generations can no longer be brought back (the tree panel was closed, or they were brought back already).',
  },
  presets: {
    builtInUnchangeable:
      '"{{name}}" is built in and cannot be changed; save your settings as a new preset instead.',
    builtInUndeletable: '"{{name}}" is built in and cannot be deleted.',
    nameTaken: 'There is already a preset called "{{name}}".',
    gone: 'That preset no longer exists.',
  },
  templates: {
    notFound: 'There is no template "{{id}}" (it may have been deleted).',
    notFoundToUpdate: 'There is no template "{{id}}" to update.',
    noGenerationToRegenerate:
      'There is no template generation {{id}} with a document to regenerate into.',
    builtInUnchangeable: 'Built-in templates cannot be changed. Duplicate it and edit the copy.',
    builtInUndeletable: 'Built-in templates cannot be deleted.',
    modelLoading: 'The model is still loading. Try again when it is ready.',
    noModel: 'No model is loaded. Load a model in the Models panel, then try again.',
    tooManyStops: 'At most {{max}} stop strings can be used at once.',
    /** What is being checked, in "The {{where}} cannot be used." */
    where: {
      template: 'template',
      storedTemplate: 'stored template',
      templateFile: 'template file',
    },
    /** The parts of a template, in "The {{part}} …". */
    parts: {
      preamble: 'preamble',
      body: 'body',
      title: 'title',
    },
    cannotUse: 'The {{where}} cannot be used. {{path}}: {{problem}}',
    notATemplate: 'The {{where}} cannot be used. it is not a template',
    cannotUseMore_one: 'The {{where}} cannot be used. {{path}}: {{problem}} (and {{count}} more)',
    cannotUseMore_other: 'The {{where}} cannot be used. {{path}}: {{problem}} (and {{count}} more)',
    partTooLong:
      'The {{part}} is {{length, number}} characters long; a template may have at most {{max, number}}.',
    tooManyFields: 'The template has {{fields}} fields; at most {{max}} are allowed.',
    unknownVariable:
      'line {{line}}, column {{column}}: "{{name}}" is not one of this template\'s fields ({{fields}}).',
    unknownVariableNoFields:
      'line {{line}}, column {{column}}: "{{name}}" is not one of this template\'s fields (it has none).',
    syntaxError: 'Template syntax error at {{error}}',
    duplicateField: 'Two fields are called "{{name}}".',
    defaultNotAChoice: 'The default of "{{name}}" is not one of its choices.',
    minAboveMax: '"{{name}}" has a minimum above its maximum.',
    defaultOutOfRange: 'The default of "{{name}}" is outside its range.',
    rendersEmpty:
      'The template renders to nothing with these values: fill in a field or change the body.',
    rendersEmptyIssue: 'renders to empty text',
    renderFailed: 'The {{part}} could not be rendered: {{detail}}.',
    reservedFieldName:
      'A field cannot be called "{{name}}": JavaScript objects reserve that name. Choose another.',
    /** A render stopped by one of its limits (README, "Security and reliability"). */
    limits: {
      steps:
        'The {{part}} stopped after {{max, number}} steps, the most a template may take: a loop or range() in it runs too long.',
      chars:
        'The {{part}} would be longer than {{max, number}} characters, the most a template may produce.',
      items:
        'The {{part}} makes a list of more than {{max, number}} items, the most a template may use.',
      depth:
        'The {{part}} nests more than {{max, number}} levels deep, the most a template may (does a macro call itself?).',
      time: 'The template took longer than {{seconds}} seconds to render, the most it may take, and was stopped.',
      memory:
        'The template needed more than {{max}} MB of memory, the most it may use, and was stopped.',
      busy: 'Too many templates are waiting to be rendered. Try again in a moment.',
      rendererDown:
        'Templates cannot be rendered right now (the renderer did not start). Try again.',
      documentTooLarge:
        'The new document would be larger than a document may be ({{maxMb}} MB, with room for the output). Make the opening shorter.',
    },
    /** Values the writer filled in, checked against the template's fields. */
    fields: {
      unknown: 'This template has no field "{{name}}" (its fields: {{fields}}).',
      unknownNoFields: 'This template has no field "{{name}}" (its fields: none).',
      notText: '"{{label}}" takes text, not a number.',
      notAChoice: '"{{label}}" must be one of: {{choices}}.',
      required: '"{{label}}" is required.',
      tooLong: '"{{label}}" is {{length}} characters long; at most {{max}} fit.',
      notANumber: '"{{label}}" must be a number.',
      notWhole: '"{{label}}" must be a whole number.',
      belowMin: '"{{label}}" must be at least {{min}}.',
      aboveMax: '"{{label}}" must be at most {{max}}.',
      more_one: '{{problem}} (and {{count}} more)',
      more_other: '{{problem}} (and {{count}} more)',
    },
    /** Template files (import). */
    file: {
      notJson: 'The file is not valid JSON: {{problem}}.',
      jsonProblemAt: '{{problem}} at line {{line}}, column {{column}}',
      notATemplate: 'The file is not an Inkwell template: {{why}}.',
      noObject: 'the file holds no JSON object',
      wrongFormat: '"format" should be "{{format}}"',
      wrongVersion: 'version {{version}} is not one this Inkwell reads (it reads {{supported}})',
    },
    /** Jinja syntax problems, found where the tag starts. */
    syntax: {
      at: 'line {{line}}, column {{column}}: {{detail}}',
      inTag: '{{problem}} in {{tag}}',
      branchWithoutIf: '{% {{word}} %} without an open {% if %}',
      wrongCloser:
        '{% {{word}} %} where {% {{expected}} %} was expected (the block opened at line {{line}})',
      nothingToClose: '{% {{word}} %} without a block to close',
      outsideLoop: '{% {{word}} %} outside a {% for %} loop',
      blockNeverClosed: '{% {{word}} %} is never closed (add {% {{closer}} %})',
      tagNeverClosed: '{{open}} is never closed (add {{close}}) in {{tag}}',
      incomplete: 'the tag is incomplete',
    },
  },
  /** A model file (.gguf) that cannot be used; each names the problem for the writer. */
  gguf: {
    cannotUse: 'This model file cannot be used: {{reason}}.',
    cannotOpen: 'cannot open the file: {{detail}}',
    notRegularFile: 'it is not a regular file',
    empty: 'the file is empty (0 bytes)',
    tooShort: 'the file is only {{size}} bytes, too short to be GGUF (truncated?)',
    badMagic: 'not a GGUF file: bad magic {{magic}} (expected "GGUF" in the first 4 bytes)',
    versionTooOld: 'GGUF version 1 is too old to be supported (versions 2 and 3 are)',
    unsupportedVersion: 'unsupported GGUF version {{version}}; versions 2 and 3 are supported',
    unsupportedVersionBigEndian:
      'unsupported GGUF version {{version}} (a big-endian GGUF file? only little-endian is supported); versions 2 and 3 are supported',
    endsEarly:
      'the file ends in the middle of {{what}} (it has {{size}} bytes; truncated download?)',
    headerTooLarge:
      'the header is larger than {{max}} bytes while reading {{what}}; refusing to read further',
    shrank: 'the file became shorter while it was being read',
    duplicateKey: 'metadata key "{{key}}" appears twice',
    duplicateTensor: 'tensor {{name}} appears twice',
    wrongType: 'metadata {{key}} is {{actual}}, but llama.cpp reads it as {{expected}}',
    splitModel:
      'the model is split into {{count}} files (split.count); Inkwell opens single-file models only',
    impossibleCount:
      '{{what}} is {{count}}, which is impossible here (the limit is {{max}} and the rest of the file holds at most {{fits}}); the header is corrupt or the file is truncated',
    stringTooLong:
      'the string length of {{what}} is {{length}} bytes, larger than the limit ({{max}}) or the rest of the file ({{remaining}}); the header is corrupt or truncated',
    arraysTooDeep: 'metadata "{{key}}" nests arrays deeper than {{max}} levels',
    unknownItemType: 'metadata "{{key}}" is an array of unknown value type {{type}}',
    arrayTooLong:
      'array "{{key}}" claims {{length}} items, more than the limit ({{max}}) or than the rest of the file can hold ({{fits}}); the header is corrupt or truncated',
    unknownValueType: 'metadata "{{key}}" has unknown value type {{type}}',
    badDimensionCount: 'tensor {{name}} has {{dims}} dimensions; ggml tensors have 1 to {{max}}',
    impossibleDimension: 'tensor {{name}} has an impossible dimension {{dim}}',
    impossibleElementCount: 'tensor {{name}} has an impossible number of elements',
    startsPastEnd:
      'tensor {{name}} starts past the end of the file (offset {{offset}}, file {{size}} bytes; truncated download?)',
    badAlignment: 'general.alignment must be a power of two, but it is {{value}}',
    badAlignmentArray: 'general.alignment must be a power of two, but it is "an array"',
    architectureMissing: 'general.architecture is missing, so the model type is unknown',
    unknownTensorType:
      'tensor {{name}} has unknown type {{type}} (not a ggml tensor type this llama.cpp knows)',
    rowNotBlockMultiple:
      "tensor {{name}} has rows of {{row}} values, not a multiple of {{typeName}}'s block of {{blockSize}}",
    misaligned:
      'tensor {{name}} is misaligned: its data offset {{offset}} is not a multiple of the alignment {{alignment}}',
    endsPastEnd:
      'tensor {{name}} ends past the end of the file (it needs bytes {{start}}..{{end}}, the file has {{size}}; truncated download?)',
    overlap: 'tensors {{first}} and {{second}} overlap in the file',
    hyperparameterMissing: 'hyperparameter {{key}} is missing (a {{architecture}} model needs it)',
    perLayerCount:
      '{{key}} has {{count}} values, one per layer, but the model has {{blocks}} layers',
    headsDoNotDivideFor:
      '{{widthKey}} ({{width}}) is not divisible by {{headsKey}} ({{heads}}) and no attention.key_length says the head size',
    hyperparameterImpossible: 'hyperparameter {{key}} has an impossible value {{value}}',
    headsDoNotDivide:
      'gpt2.embedding_length ({{width}}) is not divisible by gpt2.attention.head_count ({{heads}})',
    tokenizerMissing: 'tokenizer.ggml.model is missing: the file has no tokenizer',
    wrongTokenizer:
      'tokenizer.ggml.model is "{{model}}", but a gpt2 model needs the "gpt2" (byte-level BPE) tokenizer',
    tokensMissing: 'tokenizer.ggml.tokens is missing or is not an array of strings',
    tokensEmpty: 'tokenizer.ggml.tokens is empty',
    mergesMissing:
      'tokenizer.ggml.merges is missing or is not an array of strings (BPE needs its merges)',
    tokenTypeCount:
      'tokenizer.ggml.token_type has {{types}} entries but tokenizer.ggml.tokens has {{tokens}}',
    tokenIdOutside: 'tokenizer.ggml.{{key}} is {{id}}, outside the vocabulary of {{vocab}} tokens',
    duplicateToken:
      'tokenizer.ggml.tokens has the token {{token}} twice (ids {{first}} and {{second}}); llama.cpp stops on such a vocabulary',
    scoresCount:
      'tokenizer.ggml.scores has {{scores}} entries but tokenizer.ggml.tokens has {{tokens}}',
    tensorMissing:
      'tensor {{name}} is missing (a {{architecture}} model with these hyperparameters needs it)',
    tensorNotGpt2: 'tensor {{name}} is not part of a gpt2 model (llama.cpp would refuse the file)',
    tensorShape:
      'tensor {{name}} has shape [{{actual}}] but the hyperparameters and vocabulary imply [{{expected}}]',
    /** What was being read when the file ended, in "the file ends in the middle of {{what}}". */
    part: {
      magic: 'the magic number',
      version: 'the version',
      tensorCount: 'the tensor count',
      metadataCount: 'the metadata count',
      metadataKey: 'the key of metadata entry {{index}}',
      metadataValueType: 'the value type of metadata "{{key}}"',
      metadataValue: 'the value of metadata "{{key}}"',
      itemType: 'the item type of metadata "{{key}}"',
      arrayLength: 'the length of array "{{key}}"',
      arrayItem: 'item {{index}} of array "{{key}}"',
      lengthOf: 'the length of {{what}}',
      tensorName: 'the name of tensor {{index}}',
      tensorDimensionCount: 'the dimension count of tensor {{name}}',
      tensorDimension: 'dimension {{axis}} of tensor {{name}}',
      tensorType: 'the type of tensor {{name}}',
      tensorOffset: 'the data offset of tensor {{name}}',
    },
  },
  /** A GPT-2 checkpoint folder that cannot be converted to GGUF. */
  conversion: {
    cannotConvert: 'This folder cannot be converted: {{reason}}.',
    unknownType: 'unknown output type {{type}}; use f32, f16 or q8_0',
    notAFolder: 'the checkpoint folder {{folder}} does not exist or is not a folder',
    pickleOnly:
      "{{folder}} has only pytorch_model.bin. Inkwell converts model.safetensors only: a .bin file is a Python pickle, which can run arbitrary code when it is loaded and needs PyTorch to read. Download the model's model.safetensors instead (most Hugging Face GPT-2 repositories have one).",
    safetensorsMissing: 'model.safetensors is missing from {{folder}}',
    tensorMissing:
      'model.safetensors has no tensor {{name}}, which a GPT-2 with this config.json needs',
    shapeMismatch:
      'tensor {{name}} has shape [{{actual}}] but config.json implies [{{expected}}]: the weights and config.json do not belong together',
    extraTensor:
      'model.safetensors has a tensor {{name}} that GPT-2 does not have; is this really a GPT-2 checkpoint?',
    configMissing: 'config.json is missing: expected it at {{path}}',
    configNotObject: 'config.json at {{path}} is not a JSON object',
    notGpt2:
      'this is not a GPT-2 checkpoint: config.json says model_type {{modelType}}, and only "gpt2" can be converted',
    unsupportedVariant:
      'this GPT-2 variant uses {{feature}} ({{flag}}), which llama.cpp does not support',
    /** GPT-2 variants llama.cpp cannot compute, in "this GPT-2 variant uses {{feature}}". */
    variants: {
      scale_attn_by_inverse_layer_idx: 'attention scaled by the inverse layer index',
      reorder_and_upcast_attn: 'reordered, upcast attention',
      scale_attn_weights: 'unscaled attention',
    },
    unsupportedActivation:
      "activation_function {{activation}} is not supported; llama.cpp's GPT-2 uses the GELU tanh approximation (gelu_new)",
    headsDoNotDivide: 'n_embd ({{width}}) is not divisible by n_head ({{heads}})',
    badEpsilon: 'config.json: layer_norm_epsilon must be a positive number',
    notPositiveInteger: 'config.json: {{key}} must be a positive integer, but it is {{value}}',
    badTokenId: 'vocab.json: token {{token}} has an invalid id',
    tokenIdTooLarge:
      "vocab.json has token id {{id}}, but config.json's vocab_size is {{vocabSize}}: the tokenizer does not belong to this model",
    duplicateTokenId: 'vocab.json uses id {{id}} twice',
    missingTokenId: 'vocab.json has no token with id {{id}}',
    vocabMissing: 'vocab.json is missing: expected it at {{path}}',
    vocabNotObject: 'vocab.json at {{path}} is not a JSON object of token -> id',
    mergesMissing: 'merges.txt is missing: expected it at {{path}}',
    badMerge: 'merges.txt: line {{line}} is not two tokens separated by a space',
    noTensor: 'model.safetensors has no tensor {{name}}',
    endedEarly: 'model.safetensors ended while reading tensor {{name}} (truncated file?)',
    truncated:
      '{{path}} is truncated or not a safetensors file: {{detail}}. Download model.safetensors again.',
    truncatedTensor:
      '{{path}} is truncated: tensor {{name}} ends at byte {{end}} but the file has only {{size}} bytes. Download model.safetensors again.',
    /** Details for "truncated or not a safetensors file: {{detail}}". */
    safetensors: {
      tooShort: 'it is only {{size}} bytes',
      headerTooLong: 'its header claims {{length}} bytes but the file has {{size}}',
      headerNotJson: 'its JSON header does not parse',
      headerNotObject: 'its header is not a JSON object',
    },
    badTensor: '{{path}}: tensor {{name}} {{detail}}',
    /** Details for "{{path}}: tensor {{name}} {{detail}}". */
    tensor: {
      noDescription: 'has no description in the header',
      badDtype: 'has dtype {{dtype}}; only F32, F16 and BF16 weights can be converted',
      badShape: 'has an invalid shape',
      badOffsets: 'has invalid data_offsets',
      sizeMismatch: 'has {{bytes}} bytes of data but its shape [{{shape}}] needs {{needed}}',
    },
  },
  /** The models library: adding, removing, selecting, downloading and importing models. */
  models: {
    /** The memory estimate before a load (electron/models/modelMemoryEstimate.ts). */
    estimate: {
      ramShort:
        'It needs about {{needed}} of memory and {{free}} is free: close other programs, use a smaller context, or pick a smaller model.',
      vramUnknown:
        'About {{needed}} of GPU memory is needed; free GPU memory is only known once the engine runs on the GPU (it falls back to the CPU if it does not fit).',
      vramShort:
        'It needs about {{needed}} of GPU memory and {{free}} is free: use fewer GPU layers or a smaller context, or it runs on the CPU instead.',
      partialOffload:
        '{{gpuLayers}} of {{totalLayers}} layers run on the GPU; the rest run on the CPU, which is slower.',
    },
    /** The model-path rule (electron/gguf/modelPath.ts): one answer for every refused path. */
    noModelFile:
      'There is no model file Inkwell can open at {{path}}: it must be a regular .gguf file, or a link to one.',
    notGguf: 'Inkwell adds models from .gguf files; “{{name}}” is not one.',
    demoStaysListed: 'The demo model comes with Inkwell and stays listed.',
    onlyOwnFiles:
      'Inkwell only deletes model files it downloaded or converted itself; this file is yours and was left alone.',
    fileOfModelGone: 'The file of “{{name}}” is gone: {{path}}.',
    fileGone: 'The file is gone: {{path}}.',
    notInCatalog: 'There is no model “{{id}}” in the catalog.',
    notInLibrary: 'That model is not in the library (any more).',
    /** The model used last could not be loaded when a request first needed one. */
    lastUsedMissing:
      'The model you used last, “{{name}}”, is missing ({{path}}). Choose another in the Models panel.',
    lastUsedMissingDemoLoaded:
      'The model you used last, “{{name}}”, is missing ({{path}}), so the demo model is loaded instead.',
    lastUsedFailedDemoLoaded:
      'The model you used last, “{{name}}”, could not be loaded ({{detail}}), so the demo model is loaded instead.',
    /** A file dropped on the window, refused before main is asked. */
    droppedNotFromComputer: 'Only a file dropped from your computer can be added.',
    droppedNotOnDisk: 'This file is not on your disk, so it cannot be added as a model.',
    /** Download and import jobs. */
    jobCancelled: 'Cancelled.',
    appClosing: 'Inkwell is closing.',
    partialRemoved: '{{reason}} The partial file was removed.',
    addedButNotLoaded: 'Added to the library, but loading it failed: {{reason}}',
    download: {
      notEnoughSpace:
        'Not enough disk space: this needs about {{needed}} and {{free}} is free in {{folder}}. Free some space and try again.',
      serverAnswered: 'The server answered {{status}} for {{url}}.',
      serverAnsweredNoFile: 'The server answered {{status}} for {{url}}: there is no such file.',
      unreachable: 'Could not reach {{host}} ({{reason}}).',
      shaMismatch:
        'The downloaded {{fileName}} is not the expected file (sha256 {{actual}}, expected {{expected}}); it was deleted.',
      stalled:
        'The download of {{fileName}} stalled: no data for {{seconds}} s. Check the connection and try again.',
      failed: 'The download of {{fileName}} failed: {{detail}}',
    },
  },
  /** The model engine (the model host process) and what it says about the loaded model. */
  engine: {
    shutDown: 'The model engine was shut down.',
    hasBeenShutDown: 'The model engine has been shut down.',
    crashed:
      'The model engine stopped unexpectedly ({{detail}}). Your text is safe; press Continue to try again.',
    stoppedWhileLoading:
      'The model engine stopped while loading {{path}} ({{detail}}); the file may be damaged or not supported.',
    stoppedRestarts:
      'The model engine stopped unexpectedly ({{detail}}). It starts again on the next request.',
    /** How the model host ended, in "stopped unexpectedly ({{detail}})". */
    exit: {
      signal: 'it was ended by {{signal}}',
      code: 'exit code {{code}}',
      notStarted: 'it could not be started',
      startFailed: 'it could not be started: {{reason}}',
      startTimeout: 'it did not start within {{seconds}} s',
      badReply: 'it sent a reply Inkwell could not understand',
      badMessage: 'it sent a message Inkwell could not understand',
      hadStopped: 'it had stopped',
    },
    noModel: 'No model is loaded. Choose a model first.',
    generationFailed: 'The generation failed on our side; nothing was lost.',
    couldNotContinue: 'The model could not continue the text: {{detail}}',
    /** llama.cpp refused a file that passed Inkwell's check; the reason is llama.cpp's own words. */
    loadFailed: 'The model engine could not load this model file: {{reason}}.',
    /** Why the model runs on the CPU although a GPU backend was asked for. */
    gpuDidNotStart:
      'The {{backend}} backend could not start ({{detail}}), so the model runs on the CPU.',
    anyGpuDidNotStart:
      'The GPU backend could not start ({{detail}}), so the model runs on the CPU.',
    gpuCouldNotHold:
      'The model could not be loaded on {{backend}} ({{detail}}), so it runs on the CPU.',
  },
  /** A remote OpenAI-compatible server (llama.cpp server, vLLM, KoboldCpp, Ollama…). */
  remote: {
    notConfigured: 'No server is set up. Enter its address in the Models panel.',
    badUrl: '"{{url}}" is not a server address; it should look like http://127.0.0.1:8080.',
    refused:
      'Nothing answers at {{url}} (connection refused). Is the server running, and is the port right?',
    hostNotFound: 'The server name in {{url}} could not be found. Check the address.',
    tls: 'The secure connection to {{url}} failed: {{detail}}. Check that the address and its certificate are right.',
    network: 'The connection to {{url}} failed: {{detail}}.',
    timeout: 'The server at {{url}} did not answer within {{seconds}} s.',
    streamStalled: 'The server stopped sending for {{seconds}} s in the middle of the text.',
    unauthorized:
      'The server at {{url}} refused the API key ({{status}}). Check the key in the Models panel.',
    notFound:
      'The server at {{url}} has no {{path}} (404). Is this the address of an OpenAI-compatible server?',
    modelNotFound: 'The server at {{url}} has no model "{{model}}". Choose one it lists.',
    rateLimited: 'The server at {{url}} is busy (429: too many requests). Try again in a moment.',
    rateLimitedRetry:
      'The server at {{url}} is busy (429: too many requests). Try again in {{seconds}} s.',
    serverError: 'The server at {{url}} failed ({{status}}): {{detail}}',
    requestRefused: 'The server at {{url}} refused the request ({{status}}): {{detail}}',
    wrongShape: 'The server at {{url}} answered in a form Inkwell does not understand ({{what}}).',
    streamEnded: 'The server closed the connection before the text was finished.',
    noModels: 'The server at {{url}} lists no models.',
    insecureHost:
      '{{host}} is another computer and the address uses plain http://: the text and the API key would cross the network unencrypted. Confirm to use it anyway.',

    biasesNeedTokenizer:
      'The server at {{url}} does not say how it splits text into tokens (it has no /tokenize), so the word biases cannot be applied there. Remove them in the generation settings, or use a server that has /tokenize (llama.cpp, vLLM).',
  },
  /** The lorebook: entries, keys and lorebook files. */
  lorebook: {
    entryGone: 'This lorebook entry no longer exists.',
    badKey: 'The key "{{key}}" cannot be used: {{problem}}.',
    tooManyEntries: 'A lorebook holds at most {{limit}} entries.',
    import: {
      refused: 'This file cannot be imported as a lorebook: {{reason}} Nothing was imported.',
      notJson: 'it is not JSON ({{detail}}).',
      unknownShape: 'it is not an Inkwell, NovelAI or KoboldAI / Kobold Lite lorebook.',
      noEntries: 'it holds no entry with text.',
      tooMany: 'it holds {{count}} entries, more than the {{limit}} a lorebook may have.',
      noText: 'Entry {{entry}} has no text and was left out.',
      badEntry: 'Entry {{entry}} was left out ({{field}}: {{problem}}).',
      unknownField: 'Entry {{entry}}: the field "{{field}}" is unknown to Inkwell and was ignored.',
      ignored: 'Entry {{entry}}: "{{field}}" has no equivalent in Inkwell and was ignored.',
      insertionType: 'Entry {{entry}}: inserted by lines instead of by {{type}}.',
    },
  },
  preferences: {
    unknownStartupModel:
      'That model is not in the library any more: choose another to load at start.',
  },
  /** The desktop app's own dialogs (import, print). */
  dialogs: {
    importFormats: 'Inkwell imports .txt, .md, .html and .docx files.',
    importTooLarge: 'This file is too large to import ({{max}} MB at most).',
    printWindowClosed: 'The window to print has closed.',
    fileGone: '{{name}} is no longer there: it was moved, renamed or deleted.',
  },
} as const;
