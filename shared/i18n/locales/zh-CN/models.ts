import type { Translation } from '../../translation.js';
import type { models as english } from '../en/models.js';

export const models: Translation<typeof english> = {
  panel: {
    title: '模型',
  },
  /** The models in the library. */
  library: {
    title: '我的模型',
  },
  item: {
    active: '当前使用',
    missing: '文件缺失',
    facts:
      '{{source}} · {{architecture}} · {{size}} · {{quantization}} · 上下文 {{contextLength}} · {{parameters}} 参数 · 上次使用：{{lastUsed}}',
    loading: '正在加载…',
    loaded: '已加载',
    load: '加载',
    details: '详细信息',
    hideDetails: '隐藏详细信息',
    sha256: 'SHA-256 校验值',
  },
  sources: {
    bundled: '内置',
    file: '本地文件',
    download: '已下载',
    converted: '已转换',
  },
  never: '从未',
  add: {
    title: '添加 GGUF 文件',
    pathLabel: '文件路径',
    chooseFile: '选择文件…',
    orDropOrType: '或将 .gguf 文件拖放到窗口上，或输入其路径：',
    pathPlaceholder: '例如 /path/to/model.gguf',
    submit: '添加',
    noDialog: '此处没有文件对话框，请改为输入文件路径。',
  },
  importCheckpoint: {
    title: '导入 GPT-2 文件夹',
    folderLabel: '文件夹',
    typeLabel: '权重格式',
    folderPlaceholder: '包含 config.json、model.safetensors、vocab.json、merges.txt 的文件夹',
    typeQ8: 'q8_0（较小，较快）',
    typeF16: 'f16（精确，大小翻倍）',
    submit: '导入',
  },
  download: {
    title: '下载',
    urlLabel: '或从网上下载文件',
    submit: '下载',
    sizes: '下载约 {{download}}，占用磁盘约 {{disk}}，需要约 {{ram}} 内存。',
    urlPlaceholder: 'https://…/model.gguf 或 hf:owner/repo/file.gguf',
  },
  curated: {
    distilgpt2: '最小、最快；经过蒸馏的 GPT-2，长文本表现较弱。',
    gpt2: '最初的小型 GPT-2：在任何电脑上都很快。',
    gpt2Medium: '文本质量明显更好；在笔记本电脑的 CPU 上也能流畅运行。',
    gpt2Large: '效果更好；有 GPU 更佳，但不是必需的。',
    gpt2Xl: '最大的 GPT-2；在 CPU 上较慢，最好使用 GPU。转换时需要约 8 GB 内存。',
  },
  jobs: {
    kinds: {
      download: '下载',
      import: '导入',
    },
    phases: {
      checking: '正在检查',
      downloading: '正在下载',
      verifying: '正在校验',
      converting: '正在转换',
      adding: '正在添加',
    },
    status: '{{label}}：{{phase}}',
    statusWithPercent: '{{label}}：{{phase}} {{percent}}%',
    receivedOfTotal: '{{received}} / {{total}}',
    timeLeft: '剩余 {{time}}',
  },
  runSettings: {
    title: '运行设置',
    backend: '后端',
    gpuLayers: 'GPU 层数',
    contextSize: '上下文大小',
    contextSizePlaceholder: '使用模型自身的值',
    threads: '线程数',
    auto: '自动',
  },
  backends: {
    auto: '自动',
    cpu: 'CPU',
    cuda: 'CUDA',
    vulkan: 'Vulkan',
    metal: 'Metal',
  },
  estimate: {
    ram: '需要约 {{ram}} 内存；可用 {{freeRam}}。',
    ramAndVram: '需要约 {{ram}} 内存和 {{vram}} 显存；可用 {{freeRam}}。',
    ramFreeVram: '需要约 {{ram}} 内存；可用 {{freeRam}}，可用显存 {{freeVram}}。',
    ramAndVramFreeVram:
      '需要约 {{ram}} 内存和 {{vram}} 显存；可用 {{freeRam}}，可用显存 {{freeVram}}。',
  },
  engine: {
    title: '正在运行',
    running:
      '正在 {{backend}} 上运行 {{fileName}}，GPU 层数 {{gpuLayers}}，上下文 {{contextSize}}。',
    runningOnDevices:
      '正在 {{backend}}（{{devices}}）上运行 {{fileName}}，GPU 层数 {{gpuLayers}}，上下文 {{contextSize}}。',
    deviceSeparator: '、',
    loadedIn: '加载用时 {{duration}}；{{memory}}。',
    build: {
      prebuilt:
        'llama.cpp：Inkwell 自带的预编译库（npm run build:engine 可为这台电脑编译更快的版本）。',
      local: 'llama.cpp：在这台电脑上编译的库（npm run build:engine）。',
    },
    memory: '引擎占用 {{total}} 内存（权重 {{weights}}，上下文 {{contextMemory}}）',
    memoryWithVram:
      '引擎占用 {{total}} 内存（权重 {{weights}}，上下文 {{contextMemory}}，显存 {{vram}}）',
    memoryWithVramFree:
      '引擎占用 {{total}} 内存（权重 {{weights}}，上下文 {{contextMemory}}，显存 {{vram}}，可用 {{freeVram}}）',
    measureAgain: '重新测量',
    fallback: '正在 CPU 上运行：{{reason}}',
    unload: '卸载',
    noModel: '未加载模型。',
  },
  units: {
    bytes: '{{value}} 字节',
    kilobytes: '{{value}} KB',
    megabytes: '{{value}} MB',
    gigabytes: '{{value}} GB',
    perSecond: '{{size}}/秒',
    milliseconds: '{{value}} 毫秒',
    seconds: '{{value}} 秒',
    minutesSeconds: '{{minutes}} 分 {{seconds}} 秒',
  },
  drop: {
    browser:
      '拖放到浏览器中的模型无法添加：浏览器不会告诉 Inkwell 文件所在的位置。请打开“模型”面板，在“添加 GGUF 文件”下输入文件路径。',
    notAdded: '{{fileName}} 未添加：{{reason}}',
    failed: '添加失败',
    couldNotImport: '无法导入拖放的文件',
  },
  failed: {
    load: '无法加载模型',
    read: '无法读取模型',
    list: '无法列出模型',
    add: '无法添加模型',
    startDownload: '无法开始下载',
    startImport: '无法开始导入',
    measureMemory: '无法测量内存',
    saveRunSettings: '无法保存运行设置',
    unload: '无法卸载模型',
  },
  remote: {
    title: '远程服务器',
    intro:
      '在与 OpenAI 兼容的服务器上续写，而不是在这台计算机上：llama.cpp server、vLLM、KoboldCpp、Ollama、LM Studio。由 Inkwell 自己与它通信，页面从不直接访问。',
    address: '服务器地址',
    addressExample: '例如 http://127.0.0.1:8080',
    apiKey: 'API 密钥（可选）',
    keyKept: '已保存密钥；输入新密钥可替换',
    keyNone: '无',
    removeKey: '删除密钥',
    keyEncrypted: '密钥由系统钥匙串加密保存，从不显示或导出。',
    keyFile:
      '密钥保存在 Inkwell 数据文件夹中的一个文件里，只有你的用户账户可以读取（此模式没有钥匙串，因此未加密）。它从不显示或导出。',
    model: '模型',
    modelFirst: '服务器列出的第一个',
    listModels: '列出模型',
    contextSize: '上下文大小',
    contextFromServer: '服务器自己的',
    saveAndUse: '保存并使用此服务器',
    useLocal: '使用本地引擎',
    useServer: '使用服务器',
    confirmInsecure: '仍然使用',
    failedSwitch: '无法切换引擎',
    connected: '已连接到 {{host}} · {{model}} · 上下文 {{contextSize}}。',
    context: {
      writer: '（上下文在此设置）',
      server: '（上下文来自服务器）',
      assumed: '（服务器没有说明其上下文；假定为 2,048，如有不同请在上方设置）',
    },
    estimated: '服务器没有分词接口，因此词元数是估计值。',
  },
};
