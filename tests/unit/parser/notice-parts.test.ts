import { describe, expect, it } from 'vitest'
import { dropAttachmentLists } from '../../../electron/core/importers/parser/attachment-list'
import { dropNoticeRequirements } from '../../../electron/core/importers/parser/notice-body'
import { splitLines } from '../../../electron/core/importers/parser/lines'
import { parsePlanText } from '../../../electron/core/importers/parser'

const texts = (s: string) => dropAttachmentLists(splitLines(s)).map((l) => l.text)

describe("a notice's attachment list", () => {
  it('is dropped: its numbered lines name documents', () => {
    expect(
      texts('附件:1.县《政府工作报告》确定的2021年重点工作责任分解\n2.市《政府工作报告》涉及嘉鱼的重点事项责任分解\n2021年5月12日'),
    ).toEqual(['2021年5月12日'])
  })

  it('is kept when the numbered lines are tasks', () => {
    const s = '附件:1.推进快递进村(市场监管处牵头)\n2.做好安全监管(安全中心牵头)'
    expect(texts(s)).toEqual(splitLines(s).map((l) => l.text))
  })
})

const NOTICE = `各乡镇人民政府、街道办事处,区政府各部门:
现将有关事项通知如下:
一、强化组织领导。各单位要建立健全领导责任制。
二、强化督促检查。区政府办要加大督查力度。
区人民政府办公室
2021年2月10日
一、重点任务
1.推进快递进村。(区邮政管理局牵头,区商务局配合)
2.建设公共停车场。(区住建局牵头)`

describe("a notice's own requirements", () => {
  it('keep a numbered item whose note names a section (责任科室) when no signing date closes the notice', () => {
    const text = `各县市区教育局,各直属学校,机关各科室:
现将《2024年工作要点》印发给你们,请结合实际认真贯彻落实。
一、加强党对教育工作的全面领导
1.加强思想理论武装。落实中心组学习列席旁听制度。(责任科室:组干科、机关党委)`
    const tasks = parsePlanText(text).lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))
    expect(tasks.map((t) => [t.number, t.leads])).toEqual([[1, ['组干科', '机关党委']]])
  })

  it('are set aside between the addressees and the signing date; the plan after it stays', () => {
    const kept = dropNoticeRequirements(splitLines(NOTICE)).map((l) => l.text)
    expect(kept).not.toContain('一、强化组织领导。各单位要建立健全领导责任制。')
    expect(kept).toContain('1.推进快递进村。(区邮政管理局牵头,区商务局配合)')
    const tasks = parsePlanText(NOTICE).lists.flatMap((l) => l.sections.flatMap((s) => s.tasks))
    expect(tasks.map((t) => t.leads)).toEqual([['区邮政管理局'], ['区住建局']])
  })

  it('keep a numbered item of the notice that names who leads it', () => {
    const s = '各区人民政府、市政府各部门:\n一、做好寄递安全工作。(市邮政管理局牵头,市公安局配合)\n二、加强督查。'
    const kept = dropNoticeRequirements(splitLines(s)).map((l) => l.text)
    expect(kept).toContain('一、做好寄递安全工作。(市邮政管理局牵头,市公安局配合)')
    expect(kept).not.toContain('二、加强督查。')
  })

  it('are set aside under an addressee line that lost its colon, when the next line opens the notice', () => {
    const s =
      '各街道办事处、镇人民政府,济南经济开发区管委会,区政府各部门(单位\n2021 年《政府工作报告》重点工作责任分工已经区政府同意, 现印发给你们。\n一、高度重视,提高站位。2021 年是中国共产党成立 100 周年。'
    const kept = dropNoticeRequirements(splitLines(s)).map((l) => l.text)
    expect(kept).not.toContain('一、高度重视,提高站位。2021 年是中国共产党成立 100 周年。')
    // without the notice's opening line after it, such a line is no addressee line
    const plan = '各街道办事处、镇人民政府,区政府各部门\n一、推进老旧小区改造。'
    expect(dropNoticeRequirements(splitLines(plan))).toEqual(splitLines(plan))
  })

  it('change nothing in a document without addressees', () => {
    const s = '一、强化组织领导。\n二、强化督促检查。'
    expect(dropNoticeRequirements(splitLines(s))).toEqual(splitLines(s))
  })
})
