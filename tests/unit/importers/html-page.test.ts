import { describe, expect, it } from 'vitest'
import { readPlanFile } from '../../../electron/core/importers'
import { readHtmlPage } from '../../../electron/core/importers/readers/html-page'

const bytes = (s: string) => new TextEncoder().encode(s)

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面标题</title><script>var x = "<p>不是正文</p>"</script></head>
<body><div class="nav">首页 &gt; 政务公开</div><h1>2016年民生实事目标任务分解表</h1>
<table border="1">
<tr><td>序号</td><td>民生实事</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>启动建设综合治理工程。</td><td>县水务局<br>县住建局</td><td>12月底前</td></tr>
<tr><td rowspan="2">2</td><td>开工建设县老年养护楼。</td><td rowspan="2">县民政局</td><td>5月底前动工</td></tr>
<tr><td>开工建设老年大学。</td><td>12月底前</td></tr>
<tr><td>3</td><td colspan="1">城区再新建1个农贸市场。</td><td>县商务局</td><td>12月底前</td></tr>
</table><div>分享到:</div></body></html>`

describe('an .html page', () => {
  it('gives its paragraphs as lines and its task table as numbered task lines, without scripts or the head', () => {
    expect(readHtmlPage(bytes(PAGE)).split('\n')).toEqual([
      '首页 > 政务公开',
      '2016年民生实事目标任务分解表',
      '1. 启动建设综合治理工程。（牵头单位：县水务局、县住建局）（完成时限：12月底前）',
      '2. 开工建设县老年养护楼。开工建设老年大学。（牵头单位：县民政局）（完成时限：5月底前动工）',
      '3. 城区再新建1个农贸市场。（牵头单位：县商务局）（完成时限：12月底前）',
      '分享到:',
    ])
  })

  it('is read as HTML by its name or by its content', async () => {
    const byName = await readPlanFile('plan.html', bytes(PAGE))
    const byContent = await readPlanFile('plan.txt', bytes(PAGE))
    expect(byName.text).toContain('1. 启动建设综合治理工程。（牵头单位：县水务局、县住建局）')
    expect(byContent.text).toBe(byName.text)
    expect((await readPlanFile('notes.txt', bytes('一、<b>不是</b>网页'))).text).toContain('<b>')
  })
})
