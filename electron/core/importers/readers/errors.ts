import { DubanError } from '../../errors'

const WORD_BINARY_NAMES = new Set(['.doc', '.wps', '.dot', '.wpt'])

/** The refusals a reader can give, each with what the office should do instead. */
export const readerErrors = {
  empty: () => new DubanError('empty_file', '文件是空的，请检查是否选错了文件'),
  tooLarge: (limitMb: number) => new DubanError('file_too_large', `文件超过${limitMb}MB，不像是工作要点文件，请检查是否选错了文件`),
  corrupt: (kind: string) =>
    new DubanError('corrupt_file', `${kind}文件已损坏或不完整（可能未下载完整），请重新获取原文件，或在WPS/Word中打开后另存一份再导入`),
  oldFormat: (ext: string) =>
    new DubanError(
      'unsupported_format',
      ext === '.xls' || ext === '.et'
        ? `暂不支持旧版 ${ext} 表格格式，请在WPS或Excel中另存为 .xlsx 后再导入`
        : WORD_BINARY_NAMES.has(ext)
          ? `无法读取该 ${ext} 文件（可能已损坏、加密或是较新的WPS专有格式），请在WPS或Word中另存为 .docx 后再导入`
          : `暂不支持旧版 ${ext || '.doc/.wps'} 格式，请在WPS或Word中另存为 .docx 后再导入`,
    ),
  unsupported: (ext: string) =>
    new DubanError(
      'unsupported_format',
      `暂不支持 ${ext || '该类型的'} 文件，请提供 Word（.docx/.doc）、WPS、Excel（.xlsx/.csv）、PDF、OFD、网页（.html）或文本（.txt）格式的文件`,
    ),
  zipTooLarge: (kind: string, limitMb: number, xmlOnly = false) =>
    new DubanError(
      'unsafe_archive',
      `该${kind}文件${xmlOnly ? '的正文部分' : ''}解压后超过${limitMb}MB，远大于正常的工作要点文件，可能已损坏或是恶意构造的压缩包，已拒绝读取。请在WPS/Word中打开原文件另存一份再导入`,
    ),
  zipTooManyEntries: (kind: string, limit: number) =>
    new DubanError(
      'unsafe_archive',
      `该${kind}文件内含超过${limit}个部件，不像正常的工作要点文件，可能已损坏或是恶意构造的压缩包，已拒绝读取。请在WPS/Word中打开原文件另存一份再导入`,
    ),
  image: () => new DubanError('unsupported_format', '图片中的文字无法直接识别，请提供 Word、PDF（文字版）或文本格式的文件'),
  scannedOfd: () => new DubanError('scanned_ofd', '该OFD文件没有文字层（可能是扫描件），请提供Word或文字版文件'),
  scannedPdf: () => new DubanError('scanned_pdf', '该PDF没有文字层（可能是扫描件），请提供Word或文字版文件'),
  encryptedPdf: () => new DubanError('encrypted_pdf', '该PDF设有密码保护，请提供未加密的文件或Word版本'),
  noTable: () =>
    new DubanError(
      'unrecognized_table',
      '表格中没有找到“序号、工作任务（工作内容）、牵头单位（责任单位）”等表头，请检查是否为任务分解表，或将表头放在任务上方一行',
    ),
}
