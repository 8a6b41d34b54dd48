import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode } from 'lexical';

const headingLevels: Record<HeadingTagType, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  h1: HeadingLevel.HEADING_1,
  h2: HeadingLevel.HEADING_2,
  h3: HeadingLevel.HEADING_3,
  h4: HeadingLevel.HEADING_4,
  h5: HeadingLevel.HEADING_5,
  h6: HeadingLevel.HEADING_6,
};

const NUMBERED = 'inkwell-numbered';

/**
 * The document as Word paragraphs: headings keep their level, lists their kind and depth, text
 * its bold and italic. Call inside a read; Packer turns the result into bytes outside of it.
 */
export function $documentForDocx(): Document {
  const paragraphs: Paragraph[] = [];
  for (const block of $getRoot().getChildren()) appendBlock(block, paragraphs);
  return new Document({
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [0, 1, 2, 3, 4, 5].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: paragraphs }],
  });
}

function appendBlock(block: LexicalNode, out: Paragraph[]): void {
  if ($isListNode(block)) {
    appendList(block, 0, out);
  } else if ($isHeadingNode(block)) {
    out.push(new Paragraph({ heading: headingLevels[block.getTag()], children: runsOf(block) }));
  } else if ($isQuoteNode(block)) {
    out.push(new Paragraph({ style: 'Quote', children: runsOf(block) }));
  } else {
    out.push(new Paragraph({ children: runsOf(block) }));
  }
}

function appendList(list: ListNode, depth: number, out: Paragraph[]): void {
  const numbered = list.getListType() === 'number';
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    const nested = item.getChildren().find($isListNode);
    if (nested) {
      appendList(nested, depth + 1, out);
      continue;
    }
    const level = Math.min(depth, 5);
    out.push(
      new Paragraph({
        children: runsOf(item),
        ...(numbered ? { numbering: { reference: NUMBERED, level } } : { bullet: { level } }),
      }),
    );
  }
}

function runsOf(node: LexicalNode): TextRun[] {
  if ($isTextNode(node)) {
    return [
      new TextRun({
        text: node.getTextContent(),
        bold: node.hasFormat('bold'),
        italics: node.hasFormat('italic'),
        underline: node.hasFormat('underline') ? {} : undefined,
        strike: node.hasFormat('strikethrough'),
      }),
    ];
  }
  if ($isLineBreakNode(node)) return [new TextRun({ break: 1 })];
  if ($isElementNode(node)) return node.getChildren().flatMap(runsOf);
  return [];
}

export function docxBytes(document: Document): Promise<ArrayBuffer> {
  return Packer.toArrayBuffer(document);
}
