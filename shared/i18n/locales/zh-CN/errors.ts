import type { Translation } from '../../translation.js';
import type { errors as english } from '../en/errors.js';

export const errors: Translation<typeof english> = {
  report: {
    withContext: '{{whatFailed}}：{{description}}',
    unexpected: '发生了意外错误。',
  },
  connection: {
    dropped: '与 Inkwell 的连接在回复前断开了，正在重试。',
    timedOut: 'Inkwell 没有及时回复，请重试。',
    unexpectedAnswer: 'Inkwell 的回复出乎意料。',
    tooLarge: '内容太大，无法一次发送（上限为 {{limitMb}} MB）。',
    unreachable:
      'Inkwell 已有 {{seconds}} 秒连不上它的服务器。你的文字仍在这里，连接恢复后就会保存。',
    noToken: '此页面没有访问令牌。请打开 Inkwell 服务器打印出的地址（以 ?token=… 结尾）。',
  },
  request: {
    unknownChannel: '没有名为“{{channel}}”的通道。',
    noChannel: '请求没有指明通道名称。',
    invalid: '对 {{channel}} 的请求无效（{{path}}：{{problem}}）。',
    invalidNoDetail: '对 {{channel}} 的请求无效（请求与接口约定不符）。',
    binaryFrame: '不支持二进制帧；请以 JSON 文本发送每个请求。',
    notJson: '请求不是有效的 JSON。',
    notObject: '请求必须是一个 JSON 对象 {id, channel, payload}。',
    badId: '请求需要一个长度为 1 到 {{max}} 个字符的“id”字符串。',
    untrustedWindow: '此窗口无权与 Inkwell 通信。',
  },
  internal: {
    diskFull: '磁盘已满，此更改未能保存。请释放一些空间；你的文字仍在编辑器中。',
    readOnly: '数据文件夹是只读的，此更改未能保存。你的文字仍在编辑器中。',
    unexpected: '程序内部出了问题，但没有丢失任何内容。详细信息已写入日志。',
    unexpectedShort: '程序内部出了问题，但没有丢失任何内容。',
  },
  documents: {
    gone: '该文档已不存在，可能已被删除。',
    purged: '该文档不存在（可能已被彻底清除）。',
    revisionGone: '该文档版本已不存在。',
    changedElsewhere:
      '“{{title}}”在你打开后已在别处被修改（现为第 {{current}} 版，你打开的是第 {{base}} 版）。没有覆盖任何内容；你的文字仍在编辑器中。',
  },
  storedText: {
    brokenCharacter:
      '文字（{{path}}）在第 {{position}} 个位置只有半个字符（未配对的代理项，常见于损坏的复制内容），因此未被接受：文字只以完整字符保存。请删除或重新输入该字符。',
    inTrash: '“{{title}}”在回收站中，无法修改。请先将其恢复；你的文字仍在编辑器中。',
  },
  continue: {
    branchWithoutParent: '分支需要指明它所分出的那次生成。',
    branchMismatch: '这个分支与光标前的文字对不上：文字已被改动。请从该词元重新选择。',
    noTextBeforeCursor: '光标前没有可供续写的文字。请先写几个字（或在设置中添加记忆）。',
    modelLoading: '模型 {{path}} 仍在加载。加载完成后请再次按“续写”。',
    modelNotReady: '{{reason}}请在“模型”面板中加载一个模型，然后再次按“续写”。',
    noModel: '尚未加载模型。请在“模型”面板中加载一个模型，然后再次按“续写”。',
    replayModelMissing:
      '这次生成使用的是 {{model}}（sha256 {{sha}}…），该模型未加载，也无法从 {{path}} 加载。请加载该模型以便原样重现。',
    generationIdTaken: '已存在 id 为 {{id}} 的生成。每次生成都需要一个新的 id。',
  },
  prompt: {
    noRoom:
      '最大新词元数（{{maxNewTokens}}）占满了模型 {{contextSize}} 个词元的上下文，没有留给提示词的空间。请降低最大新词元数。',
    fixedTooLong:
      '记忆和作者注释占用了 {{fixedTokens}} 个词元，但在生成 {{maxNewTokens}} 个新词元的情况下，模型的 {{contextSize}} 个词元中只能容纳 {{room}} 个。它们不会被自动截短：请缩短它们，或降低最大新词元数。',
  },
  history: {
    noGeneration: '历史记录中没有生成记录 {{id}}。',
    generationDeleted: '历史记录中没有生成记录 {{id}}（可能已被删除）。',
    interrupted: '已中断：Inkwell 在这次生成完成前停止了。',
  },
  presets: {
    builtInUnchangeable: '“{{name}}”是内置预设，无法修改；请将你的设置另存为新预设。',
    builtInUndeletable: '“{{name}}”是内置预设，无法删除。',
    nameTaken: '已有名为“{{name}}”的预设。',
    gone: '该预设已不存在。',
  },
  templates: {
    notFound: '没有模板“{{id}}”（可能已被删除）。',
    notFoundToUpdate: '没有可更新的模板“{{id}}”。',
    noGenerationToRegenerate: '没有可重新生成到文档中的模板生成记录 {{id}}。',
    builtInUnchangeable: '内置模板无法修改。请复制一份再编辑副本。',
    builtInUndeletable: '内置模板无法删除。',
    modelLoading: '模型仍在加载。加载完成后请重试。',
    noModel: '尚未加载模型。请在“模型”面板中加载一个模型，然后重试。',
    tooManyStops: '一次最多只能使用 {{max}} 个停止字符串。',
    where: {
      template: '模板',
      storedTemplate: '已保存的模板',
      templateFile: '模板文件',
    },
    parts: {
      preamble: '前言',
      body: '正文',
      title: '标题',
    },
    cannotUse: '该{{where}}无法使用。{{path}}：{{problem}}',
    notATemplate: '该{{where}}无法使用：它不是模板。',
    cannotUseMore_other: '该{{where}}无法使用。{{path}}：{{problem}}（另有 {{count}} 个问题）',
    partTooLong: '{{part}}长 {{length, number}} 个字符；模板最多只能有 {{max, number}} 个字符。',
    tooManyFields: '该模板有 {{fields}} 个字段；最多只允许 {{max}} 个。',
    unknownVariable: '第 {{line}} 行，第 {{column}} 列：“{{name}}”不是该模板的字段（{{fields}}）。',
    unknownVariableNoFields:
      '第 {{line}} 行，第 {{column}} 列：“{{name}}”不是该模板的字段（该模板没有字段）。',
    syntaxError: '模板语法错误，位于{{error}}',
    duplicateField: '有两个字段都叫“{{name}}”。',
    defaultNotAChoice: '“{{name}}”的默认值不在其选项之中。',
    minAboveMax: '“{{name}}”的最小值大于最大值。',
    defaultOutOfRange: '“{{name}}”的默认值超出了其范围。',
    rendersEmpty: '使用这些值时模板渲染结果为空：请填写一个字段或修改正文。',
    rendersEmptyIssue: '渲染结果为空',
    renderFailed: '{{part}}无法渲染：{{detail}}。',
    reservedFieldName: '字段不能叫“{{name}}”：JavaScript 对象保留了这个名字。请换一个。',
    limits: {
      steps:
        '{{part}}在 {{max, number}} 步后停止了，这是模板最多可以执行的步数：其中的循环或 range() 太长。',
      chars: '{{part}}将超过 {{max, number}} 个字符，这是模板最多可以生成的字符数。',
      items: '{{part}}生成了超过 {{max, number}} 项的列表，这是模板最多可以使用的项数。',
      depth:
        '{{part}}嵌套超过 {{max, number}} 层，这是模板最多允许的层数（是否有宏在调用自身？）。',
      time: '模板渲染超过了 {{seconds}} 秒，这是模板最多可以使用的时间，已被停止。',
      memory: '模板需要超过 {{max}} MB 的内存，这是模板最多可以使用的内存，已被停止。',
      busy: '等待渲染的模板太多。请稍后再试。',
      rendererDown: '暂时无法渲染模板（渲染器未能启动）。请重试。',
      documentTooLarge:
        '新文档将超过文档允许的大小（{{maxMb}} MB，包括输出所需的空间）。请缩短开头。',
    },
    fields: {
      unknown: '该模板没有字段“{{name}}”（它的字段：{{fields}}）。',
      unknownNoFields: '该模板没有字段“{{name}}”（它没有字段）。',
      notText: '“{{label}}”需要填写文字，而不是数字。',
      notAChoice: '“{{label}}”必须是以下之一：{{choices}}。',
      required: '“{{label}}”为必填项。',
      tooLong: '“{{label}}”长 {{length}} 个字符；最多只能有 {{max}} 个。',
      notANumber: '“{{label}}”必须是数字。',
      notWhole: '“{{label}}”必须是整数。',
      belowMin: '“{{label}}”不能小于 {{min}}。',
      aboveMax: '“{{label}}”不能大于 {{max}}。',
      more_other: '{{problem}}（另有 {{count}} 个问题）',
    },
    file: {
      notJson: '该文件不是有效的 JSON：{{problem}}。',
      jsonProblemAt: '{{problem}}，位于第 {{line}} 行，第 {{column}} 列',
      notATemplate: '该文件不是 Inkwell 模板：{{why}}。',
      noObject: '文件中没有 JSON 对象',
      wrongFormat: '“format”应为“{{format}}”',
      wrongVersion: '此版本的 Inkwell 无法读取版本 {{version}}（它能读取版本 {{supported}}）',
    },
    syntax: {
      at: '第 {{line}} 行，第 {{column}} 列：{{detail}}',
      inTag: '{{problem}}，位于 {{tag}}',
      branchWithoutIf: '{% {{word}} %} 之前没有未闭合的 {% if %}',
      wrongCloser: '此处应为 {% {{expected}} %}，却是 {% {{word}} %}（该块始于第 {{line}} 行）',
      nothingToClose: '{% {{word}} %} 没有可闭合的块',
      outsideLoop: '{% {{word}} %} 位于 {% for %} 循环之外',
      blockNeverClosed: '{% {{word}} %} 没有闭合（请添加 {% {{closer}} %}）',
      tagNeverClosed: '{{open}} 没有闭合（请添加 {{close}}），位于 {{tag}}',
      incomplete: '标签不完整',
    },
  },
  gguf: {
    cannotUse: '无法使用此模型文件：{{reason}}。',
    cannotOpen: '无法打开文件：{{detail}}',
    notRegularFile: '它不是普通文件',
    empty: '文件为空（0 字节）',
    tooShort: '文件只有 {{size}} 字节，太短，不可能是 GGUF 文件（是否不完整？）',
    badMagic: '不是 GGUF 文件：文件标识 {{magic}} 错误（前 4 个字节应为“GGUF”）',
    versionTooOld: 'GGUF 版本 1 太旧，不受支持（支持版本 2 和 3）',
    unsupportedVersion: '不支持的 GGUF 版本 {{version}}；支持版本 2 和 3',
    unsupportedVersionBigEndian:
      '不支持的 GGUF 版本 {{version}}（是大端序的 GGUF 文件吗？只支持小端序）；支持版本 2 和 3',
    endsEarly: '文件在读取{{what}}时意外结束（文件共 {{size}} 字节；是否下载不完整？）',
    headerTooLarge: '读取{{what}}时文件头超过了 {{max}} 字节；已停止读取',
    shrank: '文件在读取过程中变短了',
    duplicateKey: '元数据键“{{key}}”出现了两次',
    duplicateTensor: '张量 {{name}} 出现了两次',
    wrongType: '元数据 {{key}} 的类型为 {{actual}}，但 llama.cpp 按 {{expected}} 读取它',
    splitModel: '模型被拆分为 {{count}} 个文件（split.count）；Inkwell 只能打开单文件模型',
    impossibleCount:
      '{{what}}为 {{count}}，这在此处不可能（上限为 {{max}}，而文件的剩余部分最多只能容纳 {{fits}} 个）；文件头已损坏或文件不完整',
    stringTooLong:
      '{{what}}的字符串长度为 {{length}} 字节，超过了上限（{{max}}）或文件的剩余部分（{{remaining}}）；文件头已损坏或不完整',
    arraysTooDeep: '元数据“{{key}}”的数组嵌套超过了 {{max}} 层',
    unknownItemType: '元数据“{{key}}”是一个元素值类型未知（{{type}}）的数组',
    arrayTooLong:
      '数组“{{key}}”声称有 {{length}} 个元素，超过了上限（{{max}}）或文件剩余部分能容纳的数量（{{fits}}）；文件头已损坏或不完整',
    unknownValueType: '元数据“{{key}}”的值类型 {{type}} 未知',
    badDimensionCount: '张量 {{name}} 有 {{dims}} 个维度；ggml 张量只能有 1 到 {{max}} 个维度',
    impossibleDimension: '张量 {{name}} 的维度 {{dim}} 不可能成立',
    impossibleElementCount: '张量 {{name}} 的元素数量不可能成立',
    startsPastEnd:
      '张量 {{name}} 的起始位置超出了文件末尾（偏移 {{offset}}，文件 {{size}} 字节；是否下载不完整？）',
    badAlignment: 'general.alignment 必须是 2 的幂，但它是 {{value}}',
    badAlignmentArray: 'general.alignment 必须是 2 的幂，但它是一个数组',
    architectureMissing: '缺少 general.architecture，因此无法确定模型类型',
    unsupportedArchitecture: '不支持架构“{{architecture}}”；支持的架构：{{supported}}',
    unknownTensorType:
      '张量 {{name}} 的类型 {{type}} 未知（不是此版本 llama.cpp 所知的 ggml 张量类型）',
    rowNotBlockMultiple:
      '张量 {{name}} 每行有 {{row}} 个值，不是 {{typeName}} 块大小 {{blockSize}} 的整数倍',
    misaligned: '张量 {{name}} 未对齐：其数据偏移 {{offset}} 不是对齐值 {{alignment}} 的整数倍',
    endsPastEnd:
      '张量 {{name}} 的结束位置超出了文件末尾（需要字节 {{start}}..{{end}}，文件只有 {{size}} 字节；是否下载不完整？）',
    overlap: '张量 {{first}} 和 {{second}} 在文件中相互重叠',
    hyperparameterMissing: '缺少超参数 {{key}}（gpt2 模型需要它）',
    hyperparameterImpossible: '超参数 {{key}} 的值 {{value}} 不可能成立',
    headsDoNotDivide:
      'gpt2.embedding_length（{{width}}）不能被 gpt2.attention.head_count（{{heads}}）整除',
    tokenizerMissing: '缺少 tokenizer.ggml.model：文件中没有分词器',
    wrongTokenizer:
      'tokenizer.ggml.model 为“{{model}}”，但 gpt2 模型需要“gpt2”（字节级 BPE）分词器',
    tokensMissing: '缺少 tokenizer.ggml.tokens，或它不是字符串数组',
    tokensEmpty: 'tokenizer.ggml.tokens 为空',
    mergesMissing: '缺少 tokenizer.ggml.merges，或它不是字符串数组（BPE 需要合并规则）',
    tokenTypeCount:
      'tokenizer.ggml.token_type 有 {{types}} 项，但 tokenizer.ggml.tokens 有 {{tokens}} 项',
    tokenIdOutside: 'tokenizer.ggml.{{key}} 为 {{id}}，超出了 {{vocab}} 个词元的词表',
    duplicateToken:
      'tokenizer.ggml.tokens 中词元 {{token}} 出现了两次（id {{first}} 和 {{second}}）；llama.cpp 遇到这样的词表会中止',
    scoresCount:
      'tokenizer.ggml.scores 有 {{scores}} 项，但 tokenizer.ggml.tokens 有 {{tokens}} 项',
    tensorMissing: '缺少张量 {{name}}（具有这些超参数的 gpt2 模型需要它）',
    tensorNotGpt2: '张量 {{name}} 不属于 gpt2 模型（llama.cpp 会拒绝此文件）',
    tensorShape: '张量 {{name}} 的形状为 [{{actual}}]，但超参数和词表要求 [{{expected}}]',
    part: {
      magic: '文件标识',
      version: '版本号',
      tensorCount: '张量数量',
      metadataCount: '元数据数量',
      metadataKey: '第 {{index}} 条元数据的键',
      metadataValueType: '元数据“{{key}}”的值类型',
      metadataValue: '元数据“{{key}}”的值',
      itemType: '元数据“{{key}}”的元素类型',
      arrayLength: '数组“{{key}}”的长度',
      arrayItem: '数组“{{key}}”的第 {{index}} 项',
      lengthOf: '{{what}}的长度',
      tensorName: '第 {{index}} 个张量的名称',
      tensorDimensionCount: '张量 {{name}} 的维度数',
      tensorDimension: '张量 {{name}} 的第 {{axis}} 维',
      tensorType: '张量 {{name}} 的类型',
      tensorOffset: '张量 {{name}} 的数据偏移',
    },
  },
  conversion: {
    cannotConvert: '无法转换此文件夹：{{reason}}。',
    unknownType: '未知的输出类型 {{type}}；请使用 f32、f16 或 q8_0',
    notAFolder: '检查点文件夹 {{folder}} 不存在或不是文件夹',
    pickleOnly:
      '{{folder}} 中只有 pytorch_model.bin。Inkwell 只转换 model.safetensors：.bin 文件是 Python pickle，加载时可能运行任意代码，而且需要 PyTorch 才能读取。请改为下载该模型的 model.safetensors（大多数 Hugging Face 上的 GPT-2 仓库都有）。',
    safetensorsMissing: '{{folder}} 中缺少 model.safetensors',
    tensorMissing: 'model.safetensors 中没有张量 {{name}}，而使用此 config.json 的 GPT-2 需要它',
    shapeMismatch:
      '张量 {{name}} 的形状为 [{{actual}}]，但 config.json 要求 [{{expected}}]：权重与 config.json 不匹配',
    extraTensor: 'model.safetensors 中有 GPT-2 没有的张量 {{name}}；这真的是 GPT-2 检查点吗？',
    configMissing: '缺少 config.json：应位于 {{path}}',
    configNotObject: '{{path}} 处的 config.json 不是 JSON 对象',
    notGpt2:
      '这不是 GPT-2 检查点：config.json 中的 model_type 为 {{modelType}}，只有“gpt2”可以转换',
    unsupportedVariant: '此 GPT-2 变体使用了{{feature}}（{{flag}}），llama.cpp 不支持',
    variants: {
      scale_attn_by_inverse_layer_idx: '按层序号倒数缩放的注意力',
      reorder_and_upcast_attn: '重排并提升精度的注意力',
      scale_attn_weights: '未缩放的注意力',
    },
    unsupportedActivation:
      '不支持 activation_function {{activation}}；llama.cpp 的 GPT-2 使用 GELU 的 tanh 近似（gelu_new）',
    headsDoNotDivide: 'n_embd（{{width}}）不能被 n_head（{{heads}}）整除',
    badEpsilon: 'config.json：layer_norm_epsilon 必须是正数',
    notPositiveInteger: 'config.json：{{key}} 必须是正整数，但它是 {{value}}',
    badTokenId: 'vocab.json：词元 {{token}} 的 id 无效',
    tokenIdTooLarge:
      'vocab.json 中有词元 id {{id}}，但 config.json 的 vocab_size 为 {{vocabSize}}：分词器与此模型不匹配',
    duplicateTokenId: 'vocab.json 中 id {{id}} 用了两次',
    missingTokenId: 'vocab.json 中没有 id 为 {{id}} 的词元',
    vocabMissing: '缺少 vocab.json：应位于 {{path}}',
    vocabNotObject: '{{path}} 处的 vocab.json 不是“词元 -> id”形式的 JSON 对象',
    mergesMissing: '缺少 merges.txt：应位于 {{path}}',
    badMerge: 'merges.txt：行 {{line}} 不是用空格分隔的两个词元',
    noTensor: 'model.safetensors 中没有张量 {{name}}',
    endedEarly: '读取张量 {{name}} 时 model.safetensors 意外结束（文件不完整？）',
    truncated: '{{path}} 不完整或不是 safetensors 文件：{{detail}}。请重新下载 model.safetensors。',
    truncatedTensor:
      '{{path}} 不完整：张量 {{name}} 结束于第 {{end}} 字节，但文件只有 {{size}} 字节。请重新下载 model.safetensors。',
    safetensors: {
      tooShort: '文件只有 {{size}} 字节',
      headerTooLong: '文件头声称有 {{length}} 字节，但文件只有 {{size}} 字节',
      headerNotJson: '无法解析其 JSON 文件头',
      headerNotObject: '其文件头不是 JSON 对象',
    },
    badTensor: '{{path}}：张量 {{name}} {{detail}}',
    tensor: {
      noDescription: '在文件头中没有描述',
      badDtype: '的数据类型为 {{dtype}}；只能转换 F32、F16 和 BF16 权重',
      badShape: '的形状无效',
      badOffsets: '的 data_offsets 无效',
      sizeMismatch: '有 {{bytes}} 字节的数据，但其形状 [{{shape}}] 需要 {{needed}} 字节',
    },
  },
  models: {
    estimate: {
      ramShort:
        '大约需要 {{needed}} 内存，而可用的只有 {{free}}：请关闭其他程序、缩小上下文，或换一个更小的模型。',
      vramUnknown:
        '大约需要 {{needed}} 显存；只有引擎在 GPU 上运行后才能知道可用显存（放不下时会改用 CPU）。',
      vramShort:
        '大约需要 {{needed}} 显存，而可用的只有 {{free}}：请减少 GPU 层数或缩小上下文，否则会改在 CPU 上运行。',
      partialOffload:
        '{{totalLayers}} 层中有 {{gpuLayers}} 层在 GPU 上运行，其余在 CPU 上运行，速度较慢。',
    },
    noModelFile:
      '{{path}} 处没有 Inkwell 能打开的模型文件：它必须是普通的 .gguf 文件，或指向这样一个文件的链接。',
    notGguf: 'Inkwell 只能从 .gguf 文件添加模型；“{{name}}”不是 .gguf 文件。',
    demoStaysListed: '演示模型随 Inkwell 一起提供，会一直保留在列表中。',
    onlyOwnFiles: 'Inkwell 只删除它自己下载或转换的模型文件；此文件属于你，已原样保留。',
    fileOfModelGone: '“{{name}}”的文件已不存在：{{path}}。',
    fileGone: '文件已不存在：{{path}}。',
    notInCatalog: '模型目录中没有“{{id}}”。',
    notInLibrary: '该模型（已）不在模型库中。',
    lastUsedMissing: '你上次使用的模型“{{name}}”已不存在（{{path}}）。请在“模型”面板中另选一个。',
    lastUsedMissingDemoLoaded:
      '你上次使用的模型“{{name}}”已不存在（{{path}}），因此改为加载演示模型。',
    lastUsedFailedDemoLoaded:
      '你上次使用的模型“{{name}}”无法加载（{{detail}}），因此改为加载演示模型。',
    droppedNotFromComputer: '只能添加从你的电脑拖入的文件。',
    droppedNotOnDisk: '此文件不在你的磁盘上，因此无法添加为模型。',
    jobCancelled: '已取消。',
    appClosing: 'Inkwell 正在关闭。',
    partialRemoved: '{{reason}}未完成的文件已删除。',
    addedButNotLoaded: '已添加到模型库，但加载失败：{{reason}}',
    download: {
      notEnoughSpace:
        '磁盘空间不足：需要约 {{needed}}，而 {{folder}} 中只有 {{free}} 可用。请释放一些空间后重试。',
      serverAnswered: '服务器对 {{url}} 的响应为 {{status}}。',
      serverAnsweredNoFile: '服务器对 {{url}} 的响应为 {{status}}：没有这个文件。',
      unreachable: '无法连接到 {{host}}（{{reason}}）。',
      shaMismatch:
        '下载的 {{fileName}} 不是预期的文件（sha256 为 {{actual}}，预期为 {{expected}}）；已将其删除。',
      stalled: '{{fileName}} 的下载已停滞：{{seconds}} 秒内没有收到数据。请检查网络连接后重试。',
      failed: '{{fileName}} 下载失败：{{detail}}',
    },
  },
  engine: {
    shutDown: '模型引擎已关闭。',
    hasBeenShutDown: '模型引擎已关闭。',
    crashed: '模型引擎意外停止（{{detail}}）。你的文字是安全的；请按“续写”重试。',
    stoppedWhileLoading:
      '模型引擎在加载 {{path}} 时停止（{{detail}}）；该文件可能已损坏或不受支持。',
    stoppedRestarts: '模型引擎意外停止（{{detail}}）。下次请求时会重新启动。',
    exit: {
      signal: '被 {{signal}} 信号终止',
      code: '退出代码 {{code}}',
      notStarted: '无法启动',
      startFailed: '无法启动：{{reason}}',
      startTimeout: '未能在 {{seconds}} 秒内启动',
      badReply: '它发送了 Inkwell 无法理解的回复',
      badMessage: '它发送了 Inkwell 无法理解的消息',
      hadStopped: '它已停止',
    },
    noModel: '尚未加载模型。请先选择一个模型。',
    generationFailed: '程序内部出了问题，生成失败，但没有丢失任何内容。',
    couldNotContinue: '模型无法续写文字：{{detail}}',
    loadFailed: '模型引擎无法加载此模型文件：{{reason}}。',
    gpuDidNotStart: '{{backend}} 后端无法启动（{{detail}}），因此模型改在 CPU 上运行。',
    anyGpuDidNotStart: 'GPU 后端无法启动（{{detail}}），因此模型改在 CPU 上运行。',
    gpuCouldNotHold: '无法在 {{backend}} 上加载模型（{{detail}}），因此模型改在 CPU 上运行。',
  },
  dialogs: {
    importFormats: 'Inkwell 可导入 .txt、.md、.html 和 .docx 文件。',
    importTooLarge: '此文件太大，无法导入（最大 {{max}} MB）。',
    printWindowClosed: '要打印的窗口已关闭。',
  },
};
