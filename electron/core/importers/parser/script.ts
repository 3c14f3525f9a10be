/**
 * Traditional characters → simplified, one character for one, so positions in the text do not move:
 * a rule can read 牽頭/負責/單位 on the simplified copy and still cut the original text where it matched.
 * Covers the characters of government work plans (units, duties, dates, targets), not the whole script.
 */
const TRADITIONAL =
  '辦級縣區關門審領導組務廳發員會聯農業衛經濟環應國資稅監場設計統機財構實項單頭負責職條與時間進許規範請準標續權體協處隊際產開鎮鄉園鐵電網絡訊軟學寶醫療藥護險獎勵營貿銷價貨運輸遞郵島書記號傳廣東舉為這們來個對於從將後當還過現動優質數據歲齡養殘兒婦強團黨紀檢驗測違嚴戰災預備總編報鐘億萬兩參劃斷證邊橋豐線類壓層雙觀覽議論課訓練節約燈熱廢棄維樓歷鄰車輛貸費幣銀錢興盤陽陰顯氣風華漢蘇溝滬慶遼寧陝晉黃龍雲貴廈鹹錦遠灣臺結織綜紹屬轄緊確認識詳細響創鬆擴張壯彈雜難題顧頒頁順須額飛館馬麼齊樣樹檔歡沒溫滿濱無煙爭狀獨畫盡眾禮稱穩窮競筆築簡糧紅紛紙終絕給絲綠績繼聲聽脫腦臨艱藝蘭術補裝複製視親訂訪評詞試話該語說調談諮講謀讓變貢貧購賓賬賽趕趨跡踐軍軌載輔輕轉邁遷適選遺釋針鋼錄鍵長閉閒閱闊陸階隨隱雞靈靜頻顏願飯飲驅鬥魚鮮鳥鹽麥點齒誌擔圍圖壇壞夠奮孫寫專尋屆岡嶺帥幫幹廠廟彎徑徵態慣憑懷戶拋挾掃掛採換揮損擁擇擊擬攜敵斂晝暢朮棟楊槍樂橫欄歐殺毀氫決況淺渾湧滅漁潔澤燒爐牆犧獻瑯畢異盜睜礎禍種穀窯粵緒縮罰義習聖聞肅膽舊艙莊萊蔣藍蟲衝襲覺託訴詢誠誤諾謝譯讀豬貓賠賦賴贈躍軸輪辭迴週遊鄧醜鑒鑰閣闆隸雖離霧韓頂頓頸餘駐髒鬧麗齣貳囑勞勢厲喪嚮圓堅執塊墾壽奪婁寬寵幾廂彙徹恆惡愛憂懸戀戲擺擾攤極歸毆滯灑烏煉燦爛爺牽狹猶甦畝疊磚禪糾納紐純紗紡綁綱綿緣縱繩繪罷膚臉葉蓋蘋蠶裏見診詩諸讚豎賣賤趙較連達遲錯鍋鏡閃閑闖陳陣韻飼飽駛騎髮鴨龜爲'
const SIMPLIFIED =
  '办级县区关门审领导组务厅发员会联农业卫经济环应国资税监场设计统机财构实项单头负责职条与时间进许规范请准标续权体协处队际产开镇乡园铁电网络讯软学宝医疗药护险奖励营贸销价货运输递邮岛书记号传广东举为这们来个对于从将后当还过现动优质数据岁龄养残儿妇强团党纪检验测违严战灾预备总编报钟亿万两参划断证边桥丰线类压层双观览议论课训练节约灯热废弃维楼历邻车辆贷费币银钱兴盘阳阴显气风华汉苏沟沪庆辽宁陕晋黄龙云贵厦咸锦远湾台结织综绍属辖紧确认识详细响创松扩张壮弹杂难题顾颁页顺须额飞馆马么齐样树档欢没温满滨无烟争状独画尽众礼称稳穷竞笔筑简粮红纷纸终绝给丝绿绩继声听脱脑临艰艺兰术补装复制视亲订访评词试话该语说调谈咨讲谋让变贡贫购宾账赛赶趋迹践军轨载辅轻转迈迁适选遗释针钢录键长闭闲阅阔陆阶随隐鸡灵静频颜愿饭饮驱斗鱼鲜鸟盐麦点齿志担围图坛坏够奋孙写专寻届冈岭帅帮干厂庙弯径征态惯凭怀户抛挟扫挂采换挥损拥择击拟携敌敛昼畅术栋杨枪乐横栏欧杀毁氢决况浅浑涌灭渔洁泽烧炉墙牺献琅毕异盗睁础祸种谷窑粤绪缩罚义习圣闻肃胆旧舱庄莱蒋蓝虫冲袭觉托诉询诚误诺谢译读猪猫赔赋赖赠跃轴轮辞回周游邓丑鉴钥阁板隶虽离雾韩顶顿颈余驻脏闹丽出贰嘱劳势厉丧向圆坚执块垦寿夺娄宽宠几厢汇彻恒恶爱忧悬恋戏摆扰摊极归殴滞洒乌炼灿烂爷牵狭犹苏亩叠砖禅纠纳纽纯纱纺绑纲绵缘纵绳绘罢肤脸叶盖苹蚕里见诊诗诸赞竖卖贱赵较连达迟错锅镜闪闲闯陈阵韵饲饱驶骑发鸭龟为'

const MAP = new Map<string, string>([...TRADITIONAL].map((c, i) => [c, SIMPLIFIED[i]]))
// A flag per UTF-16 code unit: one array read per character instead of a regular expression.
const FLAGGED = new Uint8Array(0x10000)
for (const c of TRADITIONAL) FLAGGED[c.charCodeAt(0)] = 1

/** True when the text has characters this table converts. */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (FLAGGED[text.charCodeAt(i)]) return true
  return false
}

export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text
  let out = ''
  for (const c of text) out += MAP.get(c) ?? c
  return out
}
