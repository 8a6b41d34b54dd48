/** The templates panel: gallery, form, preview, generation, editor; and the built-in templates. */
export const templates = {
  panel: {
    title: 'Templates',
    import: 'Import…',
    importTitle: 'Add a template from a JSON file',
    importTooLarge: '“{{fileName}}” is too large to be a template file.',
    imported: 'Imported “{{name}}”.',
    notATemplate: 'That file is not a template.',
    back: '← All templates',
    mine: 'mine',
    couldNotOpen: 'Could not open the template',
    couldNotList: 'Could not list the templates',
  },
  gallery: {
    searchLabel: 'Search templates',
    searchPlaceholder: 'Search templates: sonnet, letter, mystery…',
    noMatch: 'No template matches those words.',
    none: 'No templates yet.',
  },
  /** Kinds as the gallery heads its groups (styles/templates.css capitalises them). */
  kinds: {
    story: 'story',
    poem: 'poem',
    article: 'article',
    letter: 'letter',
    dialogue: 'dialogue',
    diary: 'diary',
    song: 'song',
    other: 'other',
  },
  actions: {
    saveAs: 'Save as my template',
    edit: 'Edit',
    duplicate: 'Duplicate',
    copyName: '{{name}} (copy)',
    export: 'Export',
    exportTitle: 'Download this template as a JSON file to share',
    defaultName: 'My {{name}}',
    nameLabel: 'Name of your template',
    nameHelp: 'Your values in the form become its defaults.',
    deleteLabel: 'Delete template',
    deleteQuestion: 'Delete “{{name}}”? This cannot be undone.',
    keep: 'Keep it',
    couldNotSave: 'Could not save the template',
    couldNotDuplicate: 'Could not duplicate the template',
    couldNotExport: 'Could not export the template',
    couldNotDelete: 'Could not delete the template',
  },
  form: {
    noFields: 'This template has no fields: it is ready to generate.',
    generate: 'Generate into a new document',
    fixFirst: 'Fix the fields marked above first.',
    couldNotGenerate: 'Could not generate from the template',
  },
  /** What is wrong with a value typed in the form, checked before the server sees it. */
  problems: {
    required: 'Required.',
    enterNumber: 'Enter a number.',
    enterWholeNumber: 'Enter a whole number.',
    range: 'Use a number from {{min}} to {{max}}.',
    atLeast: 'Use {{min}} or more.',
    atMost: 'Use {{max}} or less.',
    chooseOne: 'Choose one of: {{choices}}.',
    choiceSeparator: ', ',
    tooLong: 'Keep it to {{limit}} characters (now {{length}}).',
  },
  preview: {
    label: 'Prompt preview',
    heading: 'The prompt the model receives',
    fixFields: 'Fix the fields marked above.',
    /** Between the part of the template an issue is about (in bold) and the issue. */
    issueSeparator: ': ',
    rendering: 'Rendering…',
    failed: 'The preview failed.',
    tokens_one:
      '{{promptTokens}} of {{contextSize}} tokens; room for {{count}} more token (asks for up to {{maxNewTokens}}).',
    tokens_other:
      '{{promptTokens}} of {{contextSize}} tokens; room for {{count}} more tokens (asks for up to {{maxNewTokens}}).',
    tokensNoRoom:
      '{{promptTokens}} of {{contextSize}} tokens; no room is left for the output (asks for up to {{maxNewTokens}}).',
    willBeCut: '{{summary}} The start of the prompt will be cut to make room.',
  },
  generation: {
    label: 'Generated text',
    endings: {
      stop: 'Finished.',
      length: 'Finished: it reached the length asked for.',
      cancelled: 'Stopped. What was written so far is kept in the document.',
      error: 'The generation failed.',
    },
    endingWithError: '{{ending}} {{error}}',
    writing: 'Writing…',
    stop: 'Stop',
    regenerate: 'Regenerate',
    regenerateTitle: 'Write it again into the same document, from the opening',
  },
  editor: {
    heading: 'Edit “{{name}}”',
    name: 'Name',
    kind: 'Kind',
    description: 'Description',
    fields: 'Fields (JSON)',
    fieldsHelp:
      'A list such as [{"name": "title", "label": "Title", "type": "text", "required": true}]. Types: text, longText, choice (with "choices"), number (with "min", "max").',
    title: 'Title of the new document',
    titleHelp:
      'Jinja such as {{titleVariable}} or “Letter to {{nameVariable}}”; empty uses the template’s name.',
    preamble: 'Preamble (hidden context)',
    preambleHelp:
      'Sent to the model before the body but not put in the document: a few examples work well.',
    body: 'Body (the opening)',
    bodyHelp:
      'Jinja: {{titleVariable}} puts a field’s value in. Write the start of a document, not an instruction.',
    invalidJson: 'The fields are not valid JSON: {{detail}}',
    notAList: 'The fields must be a JSON list: [ {…}, {…} ].',
  },
  /**
   * The built-in templates (resources/templates, by id): their names, descriptions, field labels,
   * help and the labels of their choices (the values themselves stay, the body compares them).
   */
  builtIn: {
    'dialogue-scene': {
      name: 'Dialogue scene',
      description:
        'A scene from a play: characters, setting, and the first line; the model writes the reply and on.',
      fields: {
        title: {
          label: 'Title',
        },
        first: {
          label: 'First character',
        },
        first_desc: {
          label: 'Who they are',
        },
        second: {
          label: 'Second character',
        },
        second_desc: {
          label: 'Who they are',
        },
        setting: {
          label: 'Setting',
        },
        first_line: {
          label: 'First line',
        },
      },
    },
    'diary-entry': {
      name: 'Diary entry',
      description: 'A dated page from a diary, after an earlier entry that sets the voice.',
      fields: {
        writer: {
          label: 'Whose diary',
        },
        date: {
          label: 'Date',
        },
        place: {
          label: 'Where',
        },
        mood: {
          label: 'Mood',
          choices: {
            hopeful: 'hopeful',
            anxious: 'anxious',
            tired: 'tired',
            happy: 'happy',
            restless: 'restless',
          },
        },
      },
    },
    fable: {
      name: 'Fable',
      description: 'A short animal fable with a moral, after one example from a book of fables.',
      fields: {
        first: {
          label: 'First animal',
        },
        second: {
          label: 'Second animal',
        },
      },
    },
    'fairy-tale': {
      name: 'Fairy tale',
      description:
        'Once upon a time: a title, a hero, a place and a trouble, told the way old collections of tales begin.',
      fields: {
        title: {
          label: 'Title',
        },
        hero: {
          label: 'Hero',
        },
        place: {
          label: 'Place',
        },
        trouble: {
          label: 'Trouble',
          help: "What has gone wrong, as it would read after 'One day,'.",
        },
      },
    },
    'free-verse': {
      name: 'Free verse',
      description:
        'A free-verse poem from an anthology: title, poet, and (optionally) a first line; three stanzas.',
      fields: {
        title: {
          label: 'Title',
        },
        poet: {
          label: 'Poet',
        },
        first_line: {
          label: 'First line',
          help: 'Leave empty to let the model begin.',
        },
      },
    },
    haiku: {
      name: 'Haiku',
      description: 'A three-line haiku after two examples in a seasonal collection.',
      fields: {
        title: {
          label: 'Title',
        },
        season: {
          label: 'Season',
          choices: {
            Spring: 'Spring',
            Summer: 'Summer',
            Autumn: 'Autumn',
            Winter: 'Winter',
          },
        },
      },
    },
    letter: {
      name: 'Letter',
      description:
        'A personal letter with an address, a date and a salutation; the tone picks the first words.',
      fields: {
        sender_address: {
          label: 'Your address',
        },
        date: {
          label: 'Date',
        },
        recipient: {
          label: 'Dear ...',
        },
        tone: {
          label: 'Tone',
          choices: {
            affectionate: 'affectionate',
            formal: 'formal',
            apologetic: 'apologetic',
            cheerful: 'cheerful',
          },
        },
        opening_line: {
          label: 'First sentence',
          help: 'Leave empty to let the tone choose the first words.',
        },
      },
    },
    limerick: {
      name: 'Limerick',
      description: 'A five-line limerick: you give the person and the place of the first line.',
      fields: {
        person: {
          label: 'Who',
        },
        place: {
          label: 'From where',
          help: 'A place name the other lines can rhyme with.',
        },
      },
    },
    'mystery-opening': {
      name: 'Mystery opening',
      description: 'Chapter one of a detective novel: a body, a place, a detective on the way.',
      fields: {
        title: {
          label: 'Title',
        },
        detective: {
          label: 'Detective',
        },
        victim: {
          label: 'Victim',
        },
        place: {
          label: 'Place',
        },
        weather: {
          label: 'Weather',
          choices: {
            grey: 'grey',
            wet: 'wet',
            'bitterly cold': 'bitterly cold',
            foggy: 'foggy',
            sweltering: 'sweltering',
          },
        },
        month: {
          label: 'Month',
          choices: {
            January: 'January',
            February: 'February',
            March: 'March',
            April: 'April',
            May: 'May',
            June: 'June',
            July: 'July',
            August: 'August',
            September: 'September',
            October: 'October',
            November: 'November',
            December: 'December',
          },
        },
      },
    },
    'news-article': {
      name: 'News article',
      description:
        'A newspaper article: section, headline, byline, dateline and (optionally) the first sentence.',
      fields: {
        headline: {
          label: 'Headline',
        },
        reporter: {
          label: 'Reporter',
        },
        section: {
          label: 'Section',
          choices: {
            'Local News': 'Local News',
            National: 'National',
            Business: 'Business',
            Science: 'Science',
            Sports: 'Sports',
            Arts: 'Arts',
          },
        },
        city: {
          label: 'City',
        },
        date: {
          label: 'Date',
        },
        lede: {
          label: 'First sentence',
          help: 'Leave empty and the model writes the lede.',
        },
      },
    },
    'science-fiction-opening': {
      name: 'Science-fiction opening',
      description: 'The first page of a science-fiction novel: a ship, a year, someone waking up.',
      fields: {
        title: {
          label: 'Title',
        },
        ship: {
          label: 'Ship or station',
        },
        protagonist: {
          label: 'Main character',
        },
        year: {
          label: 'Year',
        },
        years_out: {
          label: 'Years in flight',
        },
      },
    },
    'short-story': {
      name: 'Short story',
      description:
        'The opening of a magazine short story: title, byline, and a first sentence built from the setting and the main character.',
      fields: {
        title: {
          label: 'Title',
        },
        author: {
          label: 'Author',
        },
        genre: {
          label: 'Genre',
          choices: {
            literary: 'literary',
            adventure: 'adventure',
            romance: 'romance',
            ghost: 'ghost',
            comic: 'comic',
          },
        },
        setting: {
          label: 'Setting',
          help: "Where the story begins, as it would read after 'It began in'.",
        },
        protagonist: {
          label: 'Main character',
          help: "Who the story follows, e.g. 'a retired schoolteacher named Ruth'.",
        },
        opening_line: {
          label: 'First sentence',
          help: 'Leave empty to start from the setting and the main character.',
        },
      },
    },
    'song-lyrics': {
      name: 'Song lyrics',
      description:
        'Lyrics as a songbook prints them: title, credits, and sections marked [Verse] and [Chorus].',
      fields: {
        title: {
          label: 'Title',
        },
        artist: {
          label: 'Words and music by',
        },
        genre: {
          label: 'Style',
          choices: {
            folk: 'folk',
            country: 'country',
            pop: 'pop',
            blues: 'blues',
            rock: 'rock',
          },
        },
        first_line: {
          label: 'First line',
        },
      },
    },
    sonnet: {
      name: 'Sonnet',
      description:
        "A fourteen-line sonnet in a numbered sequence, after one of Shakespeare's; you give the first line.",
      fields: {
        number: {
          label: 'Number in the sequence',
        },
        title: {
          label: 'Title',
        },
        first_line: {
          label: 'First line',
        },
      },
    },
  },
} as const;
