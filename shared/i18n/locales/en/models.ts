/** The Models panel (library, sources, jobs, run settings) and models dropped on the window. */
export const models = {
  panel: {
    title: 'Models',
  },
  /** The models in the library. */
  library: {
    title: 'Your models',
  },
  /** One model in the library. */
  item: {
    active: 'active',
    missing: 'file missing',
    facts:
      '{{source}} · {{architecture}} · {{size}} · {{quantization}} · context {{contextLength}} · {{parameters}} parameters · last used {{lastUsed}}',
    loading: 'Loading…',
    loaded: 'Loaded',
    load: 'Load',
    details: 'Details',
    hideDetails: 'Hide details',
    sha256: 'sha256',
  },
  /** Where a model in the library came from (ModelRecord.source). */
  sources: {
    bundled: 'bundled',
    file: 'file',
    download: 'download',
    converted: 'converted',
  },
  /** A date that has not happened yet, e.g. a model never used. */
  never: 'never',
  add: {
    title: 'Add a GGUF file',
    pathLabel: 'File path',
    chooseFile: 'Choose file…',
    orDropOrType: 'or drop a .gguf file on the window, or type its path:',
    pathPlaceholder: '/path/to/model.gguf',
    submit: 'Add',
    noDialog: 'There is no file dialog here; type the file’s path instead.',
  },
  importCheckpoint: {
    title: 'Import a GPT-2 folder',
    folderLabel: 'Folder',
    typeLabel: 'Weights',
    folderPlaceholder: 'folder with config.json, model.safetensors, vocab.json, merges.txt',
    typeQ8: 'q8_0 (smaller, fast)',
    typeF16: 'f16 (exact, twice the size)',
    submit: 'Import',
  },
  download: {
    title: 'Download',
    urlLabel: 'Or a file from the web',
    submit: 'Download',
    sizes: 'Download ≈{{download}}, on disk ≈{{disk}}, needs ≈{{ram}} memory.',
    urlPlaceholder: 'https://…/model.gguf or hf:owner/repo/file.gguf',
  },
  /** What each curated model is good for, by its id in the catalog. */
  curated: {
    distilgpt2: 'Smallest and fastest; a distilled GPT-2, weaker on long text.',
    gpt2: 'The original small GPT-2: quick on any computer.',
    gpt2Medium: 'Noticeably better text; still fine on a laptop CPU.',
    gpt2Large: 'Better still; a GPU helps but is not needed.',
    gpt2Xl: 'The largest GPT-2; slow on a CPU, best with a GPU. Converting needs ~8 GB RAM.',
  },
  /** A running download or import. */
  jobs: {
    kinds: {
      download: 'download',
      import: 'import',
    },
    phases: {
      checking: 'checking',
      downloading: 'downloading',
      verifying: 'verifying',
      converting: 'converting',
      adding: 'adding',
    },
    status: '{{label}}: {{phase}}',
    statusWithPercent: '{{label}}: {{phase}} {{percent}}%',
    receivedOfTotal: '{{received}} of {{total}}',
    timeLeft: '{{time}} left',
  },
  runSettings: {
    title: 'Run settings',
    backend: 'Backend',
    gpuLayers: 'GPU layers',
    contextSize: 'Context size',
    contextSizePlaceholder: "model's own",
    threads: 'Threads',
    auto: 'auto',
  },
  backends: {
    auto: 'Auto',
    cpu: 'CPU',
    cuda: 'CUDA',
    vulkan: 'Vulkan',
    metal: 'Metal',
  },
  /** The memory estimate for the selected model with these run settings. */
  estimate: {
    ram: 'Needs about {{ram}} memory; {{freeRam}} free.',
    ramAndVram: 'Needs about {{ram}} memory and {{vram}} GPU memory; {{freeRam}} free.',
    ramFreeVram: 'Needs about {{ram}} memory; {{freeRam}} free, {{freeVram}} GPU memory free.',
    ramAndVramFreeVram:
      'Needs about {{ram}} memory and {{vram}} GPU memory; {{freeRam}} free, {{freeVram}} GPU memory free.',
  },
  /** What the engine runs now. */
  engine: {
    title: 'Now running',
    running:
      'Running {{fileName}} on {{backend}}, {{gpuLayers}} GPU layers, context {{contextSize}}.',
    runningOnDevices:
      'Running {{fileName}} on {{backend}} ({{devices}}), {{gpuLayers}} GPU layers, context {{contextSize}}.',
    deviceSeparator: ', ',
    loadedIn: 'Loaded in {{duration}}; {{memory}}.',
    /** Which llama.cpp library runs the model. */
    build: {
      prebuilt:
        'llama.cpp: the prebuilt library that comes with Inkwell (npm run build:engine makes a faster one for this computer).',
      local: 'llama.cpp: the library built on this computer (npm run build:engine).',
    },
    memory: 'the engine uses {{total}} of memory (weights {{weights}}, context {{contextMemory}})',
    memoryWithVram:
      'the engine uses {{total}} of memory (weights {{weights}}, context {{contextMemory}}, GPU memory {{vram}})',
    memoryWithVramFree:
      'the engine uses {{total}} of memory (weights {{weights}}, context {{contextMemory}}, GPU memory {{vram}}, {{freeVram}} free)',
    measureAgain: 'Measure again',
    fallback: 'Running on the CPU: {{reason}}',
    unload: 'Unload',
    noModel: 'No model loaded.',
  },
  /** Sizes, speeds and durations; the numbers arrive already formatted for the language. */
  units: {
    bytes: '{{value}} B',
    kilobytes: '{{value}} kB',
    megabytes: '{{value}} MB',
    gigabytes: '{{value}} GB',
    perSecond: '{{size}}/s',
    milliseconds: '{{value}} ms',
    seconds: '{{value}} s',
    minutesSeconds: '{{minutes}} min {{seconds}} s',
  },
  /** Model files dropped on the window. */
  drop: {
    browser:
      'A model dropped on the browser cannot be added: the browser does not tell Inkwell where the file is. Open the Models panel and type the file’s path under “Add a GGUF file”.',
    notAdded: '{{fileName}} was not added: {{reason}}',
    failed: 'it failed',
    couldNotImport: 'Could not import the dropped file',
    /** Two sentences about dropped files, one after the other. */
  },
  /** What failed, shown before the reason in the error banner. */
  failed: {
    load: 'Could not load the model',
    read: 'Could not read the model',
    list: 'Could not list the models',
    add: 'Could not add the model',
    startDownload: 'Could not start the download',
    startImport: 'Could not start the import',
    measureMemory: 'Could not measure the memory',
    saveRunSettings: 'Could not save the run settings',
    unload: 'Could not unload the model',
  },
  /** A remote OpenAI-compatible server as the engine (RemoteEngineForm). */
  remote: {
    title: 'Remote server',
    intro:
      'Continue on an OpenAI-compatible server instead of this computer: llama.cpp server, vLLM, KoboldCpp, Ollama, LM Studio. Inkwell itself talks to it; the page never does.',
    address: 'Server address',
    addressExample: 'e.g. http://127.0.0.1:8080',
    apiKey: 'API key (optional)',
    keyKept: 'a key is kept; type to replace it',
    keyNone: 'none',
    removeKey: 'Remove the key',
    keyEncrypted: 'The key is encrypted by your system keychain and never shown or exported.',
    keyFile:
      'The key is kept in a file in Inkwell’s data folder that only your user account can read (not encrypted: this mode has no keychain). It is never shown or exported.',
    model: 'Model',
    modelFirst: 'the first the server lists',
    listModels: 'List models',
    contextSize: 'Context size',
    contextFromServer: 'the server’s own',
    saveAndUse: 'Save and use this server',
    useLocal: 'Use the local engine',
    useServer: 'Use the server',
    confirmInsecure: 'Use it anyway',
    failedSwitch: 'Could not switch the engine',
    connected: 'Connected to {{host}} · {{model}} · context {{contextSize}}.',
    context: {
      writer: '(context set here)',
      server: '(context from the server)',
      assumed: '(the server does not say its context; 2,048 assumed, set it above if it differs)',
    },
    estimated: 'The server has no tokenizer endpoint, so token counts are estimates.',
  },
} as const;
