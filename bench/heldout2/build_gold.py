#!/usr/bin/env python3
"""Second held-out set (h11 … h20): seven scraped articles damaged by sensitive-word
filters and three clean professional texts.  `python bench/heldout2/build_gold.py`
rebuilds gold.jsonl here and prints the counts.  The annotations below are the data;
the machinery shared with bench/heldout is bench/gold_builder.py.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/: gold_builder
from gold_builder import BP, DT, FC, GR, LC, LS, MR, OR, RC, SP, US, GoldBuilder  # noqa: E402

GOLD = GoldBuilder(Path(__file__).resolve().parent)
ann, each, lines, mc, spun, stuffing = GOLD.ann, GOLD.each, GOLD.lines, GOLD.mc, GOLD.spun, GOLD.stuffing


LIKELY_NOTE = "; the sentence still reads without it, so a reader could miss the cut"

# ============================================================================ h11
# 信用卡年费: the filter deletes 银行 without trace (also inside 手机银行, 发卡银行) and
# replaces 投诉 with a space.  Page chrome, a title copy, 银保监会 as a current regulator,
# a money-back promise.  Negative: the historical note on 原银保监会 and the 12378 hotline.
K = "h11"
FN = {"银行": "银行 deleted by the site filter (the article never contains 银行)",
      "投诉": "投诉 replaced by a space by the site filter (the article never contains 投诉)"}
lines(K, BP, "当前位置:", note="breadcrumb")
lines(K, BP, "发布时间:", note="date / source / views header")
lines(K, BP, "声明:", note="site disclaimer footer")
lines(K, BP, "Copyright", note="copyright footer")
ann(K, DT, "用卡技巧\n⟦信用卡年费没刷够次数被扣了能退吗?⟧\n发布", None, "likely", "page title (first copy)")
ann(K, DT, "阅读:3521\n\n⟦信用卡年费没刷够次数被扣了能退吗?⟧\n\n很多人", None, "certain", "title repeated as a heading under the header")
ann(K, OR, "3.向⟦银保监会⟧ ,要求其", "国家金融监督管理总局", "certain",
    "银保监会 was replaced by 国家金融监督管理总局 in 2023; the article (2025) tells readers to complain to it")
ann(K, RC, "按照本文的方法操作,⟦保证百分之百退回已扣的年费⟧", None, "certain",
    "guaranteed outcome: a refund of the fee is never certain")
mc(K, '前各家⟦⟧的信用', '银行', 'likely', FN['银行'] + LIKELY_NOTE)
mc(K, ',有的⟦⟧允许用', '银行', 'certain', FN['银行'])
mc(K, ',部分⟦⟧会给予', '银行', 'certain', FN['银行'])
mc(K, '数发卡⟦⟧的规定', '银行', 'certain', FN['银行'])
mc(K, '卡,但⟦⟧在销卡', '银行', 'likely', FN['银行'] + LIKELY_NOTE)
mc(K, '如果与⟦⟧沟通无', '银行', 'certain', FN['银行'])
mc(K, '网站提交⟦ ⟧;\n2.', '投诉', 'certain', FN['投诉'])
mc(K, '消费者⟦ ⟧热线1', '投诉', 'certain', FN['投诉'])
mc(K, '保监会⟦ ⟧,要求', '投诉', 'certain', FN['投诉'])
mc(K, '其督促⟦⟧整改。', '银行', 'certain', FN['银行'])
mc(K, '间。\n\n⟦ ⟧时要把事', '投诉', 'certain', FN['投诉'])
mc(K, '门会把⟦ ⟧转给,', '投诉', 'certain', FN['投诉'])
mc(K, ' 转给⟦⟧,一般', '银行', 'certain', FN['银行'])
mc(K, '转给,⟦⟧一般会', '银行', 'certain', FN['银行'])
mc(K, '在手机⟦⟧或客服', '银行', 'likely', FN['银行'] + LIKELY_NOTE)
mc(K, '后再走⟦ ⟧渠道,', '投诉', 'certain', FN['投诉'])


# ============================================================================ h12
# 网贷逾期被起诉: the filter deletes 起诉 without trace (also in 起诉状) and replaces 法院 with
# a space (also inside 人民法院 and a judicial-interpretation title).  Title question stuffed,
# chrome, a fake comment block, a vague appeal backing a false claim, a mangled title.
# Negative: the correct quotation of 民事诉讼法 Art. 147.
K = "h12"
FN = {"起诉": "起诉 deleted by the site filter (the article never contains 起诉)",
      "法院": "法院 replaced by a space by the site filter (the article never contains 法院)"}
lines(K, BP, "首页 > 债务知识", note="breadcrumb")
lines(K, BP, "作者:", note="author / date / views header")
lines(K, BP, "相关标签:", note="tag line")
lines(K, FC, "网友评论", "用户177", note="templated praise comments repeating the keyword")
stuffing(K, "网贷逾期被告上法庭怎么办", likely_ctx=[
    ("⟦⟧网贷逾期被告上法庭怎么办_债务知识", "title line itself"),
    ("\n\n⟦⟧网贷逾期被告上法庭怎么办?这是最近", "first, natural statement of the key question"),
    ("五、总结\n\n⟦⟧网贷逾期被告上法庭怎么办?核实", "first restatement in the conclusion"),
    ("7736:⟦⟧网贷逾期被告上法庭怎么办", "inside the comment block"),
    ("辛苦了,⟦⟧网贷逾期被告上法庭怎么办", "inside the comment block"),
    ("相关标签:⟦⟧网贷逾期被告上法庭怎么办", "inside the tag line"),
])
ann(K, LC, "也有人说,⟦根据相关法律法规⟧,网贷", None, "certain",
    "vague appeal to unnamed rules backing a false claim (no amount threshold bars a loan suit)")
ann(K, LC, "根据⟦《最高人民 关于适用〈中华人民共和国民事诉讼法〉的解释》⟧",
    "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》", "certain",
    "mangled title: 法院 cut out of 最高人民法院 by the filter")
mc(K, ',真被⟦⟧了才慌', '起诉', 'certain', FN['起诉'])
mc(K, '台真的会⟦⟧吗\n\n会', '起诉', 'certain', FN['起诉'])
mc(K, '可能向⟦ ⟧。近两', '法院起诉', 'certain', FN['法院'] + '; 起诉 right after it is gone too')
mc(K, '年批量⟦⟧的情况', '起诉', 'certain', FN['起诉'])
mc(K, '的管辖⟦ ⟧统一立', '法院', 'certain', FN['法院'])
mc(K, '实:被⟦⟧是正常', '起诉', 'certain', FN['起诉'])
mc(K, '元的,⟦ ⟧一律不', '法院', 'certain', FN['法院'])
mc(K, '、收到⟦ ⟧传票后', '法院', 'certain', FN['法院'])
mc(K, '在冒充⟦ ⟧发“律', '法院', 'certain', FN['法院'])
mc(K, '真正的⟦ ⟧文书会', '法院', 'certain', FN['法院'])
mc(K, '、人民⟦ ⟧在线服', '法院', 'certain', FN['法院'])
mc(K, '实际上⟦ ⟧可以通', '法院', 'certain', FN['法院'])
mc(K, '1.看⟦⟧状的诉', '起诉', 'certain', FN['起诉'])
mc(K, '了管辖⟦ ⟧的,一', '法院', 'certain', FN['法院'])
mc(K, '执行。⟦ ⟧可以冻', '法院', 'certain', FN['法院'])
mc(K, '高人民⟦ ⟧关于适', '法院', 'certain', FN['法院'])
mc(K, ',他也被⟦⟧了。\n用', '起诉', 'certain', FN['起诉'])
mc(K, ' 网贷⟦⟧ 网贷', '起诉', 'likely', FN['起诉'] + '; a bare 网贷 tag still reads')


# ============================================================================ h13
# 公积金贷款逾期: the filter deletes 逾期 without trace (title included) and replaces 拍卖 with a
# space.  The text is spun (伪原创), with HTML entity/tag residue, an unsourced share and an
# invented law name.  Negatives: the correct summary of 住房公积金管理条例 Art. 26, and the
# refuted rumour about Art. 40 (quoted in order to say it is wrong).
K = "h13"
FN = {"逾期": "逾期 deleted by the site filter (the article never contains 逾期)",
      "拍卖": "拍卖 replaced by a space by the site filter (the article never contains 拍卖)"}
lines(K, BP, "2025-05-19 来源:", note="date / source header")
lines(K, BP, "(本文由安居问答网", note="repost notice footer")
ann(K, MR, "\n\n⟦&nbsp;&nbsp;⟧公积金贷款利率低", "", "certain", "HTML non-breaking-space entities left by the scraper")
ann(K, MR, "三方面说一说。⟦<br/>⟧", "", "certain", "HTML line-break tag left by the scraper")
ann(K, MR, "之前解决。⟦</p>⟧", "", "certain", "HTML closing paragraph tag left by the scraper")
ann(K, US, "⟦据不完全统计,超过四成的公积金贷款是由工作变动、公积金断缴引起的。⟧", None, "certain",
    "precise-sounding share with no source")
ann(K, LC, "根据⟦《住房公积金贷款管理法》⟧,收入下降", None, "certain",
    "no such law exists (the rules are 住房公积金管理条例 and local measures); the right to an extension it backs is invented")
each(K, SP, "借钱人", "借款人", "certain", "spun: 借钱人 for 借款人 in formal text", expect=4)
each(K, SP, "办理中心", "管理中心", "certain", "spun: 办理中心 for the proper name 住房公积金管理中心", expect=2)
spun(K, "车贷都有⟦危害⟧。", "影响", note="spun: 危害 for 影响")
spun(K, "后果很⟦紧要⟧。", "严重", note="spun: 紧要 for 严重")
spun(K, "⟦首要⟧,即时补缴", "首先", note="spun: 首要 for 首先")
spun(K, "首要,⟦即时⟧补缴", "及时", note="spun: 即时 for 及时")
spun(K, "⟦提议⟧主动出售", "建议", note="spun: 提议 for 建议")
spun(K, "并⟦联络⟧受托银行", "联系", "likely", "spun: 联络 for 联系 (still acceptable)")
spun(K, "还款账户里⟦预先⟧多存", "提前", "likely", "spun: 预先 for 提前 (still acceptable)")
spun(K, "商业贷款一样⟦须要⟧重视", "需要", "likely", "spun: 须要 for 需要 (still acceptable)")
mc(K, '公积金贷款⟦⟧了怎么办?后', '逾期', 'certain', FN['逾期'])
mc(K, '。公积金贷款⟦⟧了怎么办?本', '逾期', 'certain', FN['逾期'])
mc(K, '两方,⟦⟧后的催', '逾期', 'certain', FN['逾期'])
mc(K, '\n\n二、⟦⟧会有哪些', '逾期', 'certain', FN['逾期'])
mc(K, '罚息。⟦⟧部分按', '逾期', 'likely', FN['逾期'] + LIKELY_NOTE)
mc(K, '系统,⟦⟧记录会', '逾期', 'certain', FN['逾期'])
mc(K, '借钱人⟦⟧后,中', '逾期', 'certain', FN['逾期'])
mc(K, '房产。⟦⟧时间较', '逾期', 'likely', FN['逾期'] + LIKELY_NOTE)
mc(K, '讼申请⟦ ⟧抵押房', '拍卖', 'certain', FN['拍卖'])
mc(K, '规定,⟦⟧满三个', '逾期', 'certain', FN['逾期'])
mc(K, '院直接⟦ ⟧房产”', '拍卖', 'certain', FN['拍卖'])
mc(K, '金贷款⟦⟧是由工', '逾期', 'certain', FN['逾期'])
mc(K, '公积金贷款⟦⟧了怎么办\n', '逾期', 'certain', FN['逾期'])
mc(K, '成功。⟦⟧时间短', '逾期', 'likely', FN['逾期'] + LIKELY_NOTE)
mc(K, '非恶意⟦⟧,例如', '逾期', 'certain', FN['逾期'])
mc(K, '诉后被⟦ ⟧。 价', '拍卖', 'certain', FN['拍卖'])
mc(K, '被 。⟦ ⟧价格往', '拍卖', 'certain', FN['拍卖'])
mc(K, '怎样预防⟦⟧\n\n1.', '逾期', 'certain', FN['逾期'])
mc(K, '金贷款⟦⟧一两天', '逾期', 'certain', FN['逾期'])
mc(K, '被认定为⟦⟧。\n\n问', '逾期', 'certain', FN['逾期'])
mc(K, '房子被⟦ ⟧后,还', '拍卖', 'certain', FN['拍卖'])
mc(K, '?\n答:⟦ ⟧所得优先', '拍卖', 'certain', FN['拍卖'])
mc(K, '款,但⟦⟧的后果', '逾期', 'certain', FN['逾期'])


# ============================================================================ h14
# 保险退保: the filter deletes 投诉 without trace and replaces 维权 with a space (where both
# met, one space is left).  Chrome, a recommendation list ending in an ad with a guarantee,
# and the long-gone 保监局 as the place to complain.  Negatives: correct quotations of
# 保险法 Art. 15 and 47, and the scam warning that quotes the "保证全额退保" promise.
K = "h14"
FN = {"投诉": "投诉 deleted by the site filter (the article never contains 投诉)",
      "维权": "维权 replaced by a space by the site filter (the article never contains 维权)"}
lines(K, BP, "保险知识 |", note="category / date / editor header")
lines(K, BP, "本文仅代表作者观点", note="disclaimer footer")
lines(K, LS, "【推荐阅读】", "· 专业团队代理退保", note="recommended-reading link list ending in an ad")
ann(K, RC, "代理退保,⟦保证全额退回⟧,电话", None, "certain", "advertised guarantee of a full refund")
ann(K, OR, "或者向⟦当地保监局⟧ 。", "当地金融监管局", "certain",
    "保监局 offices were merged in 2018 and the successor 银保监局 replaced in 2023; article dated 2025")
mc(K, '司提出⟦⟧,保留', '投诉', 'certain', FN['投诉'])
mc(K, '地保监局⟦ ⟧。\n\n四', '投诉维权', 'certain', FN['维权'] + '; 投诉 before it is gone too')
mc(K, '保”“⟦ ⟧中介”', '维权', 'certain', FN['维权'])
mc(K, '规渠道⟦ ⟧,不必', '维权', 'certain', FN['维权'])
mc(K, '司客服⟦⟧并要求', '投诉', 'certain', FN['投诉'])
mc(K, '是后续⟦⟧的依据', '投诉', 'certain', FN['投诉'])
mc(K, '依据。⟦⟧电话打', '投诉', 'likely', FN['投诉'] + LIKELY_NOTE)
mc(K, '面寄送⟦⟧信,注', '投诉', 'certain', FN['投诉'])


# ============================================================================ h15
# 消费贷用于购房: a clean professional article (full-width punctuation).  Two slips: one
# half-width comma and an unsourced survey share.  Negatives: Civil Code Art. 673 quoted
# exactly, the 2024 个人贷款管理办法, the dated historical mention of 原银保监会 (2021), and
# the warning that quotes an intermediary's "保证下款" promise.
K = "h15"
ann(K, US, "⟦有调查显示，约七成被提前收回的消费贷与资金流入楼市有关。⟧", None, "certain",
    "survey share with no source")
lines(K, BP, "作者:周律".replace(":", "："), conf="likely", note="author / date byline of a professional article (page chrome by the seed convention)")


# ============================================================================ h16
# 征信查询记录: the filter replaces 征信 with a space everywhere (title, tags and the name of
# 征信业管理条例 included) and deletes 隐私 without trace.  Title question stuffed, chrome, a
# mangled regulation name and a law cited for a rule it does not contain.  Negative: the content
# attributed to Art. 18 of 征信业管理条例 is correct (only the name is broken).
K = "h16"
FN = {"征信": "征信 replaced by a space by the site filter (the article never contains 征信)",
      "隐私": "隐私 deleted by the site filter (the article never contains 隐私)"}
lines(K, BP, "来源:信用百科网", note="source / date / tags header")
lines(K, BP, "上一篇:", note="previous-article navigation")
lines(K, BP, "下一篇:", note="next-article navigation")
stuffing(K, "查询记录太多还能贷款吗", likely_ctx=[
    ("⟦⟧查询记录太多还能贷款吗?\n来源", "title line itself"),
    ("⟦⟧查询记录太多还能贷款吗?最近一位", "first, natural statement of the key question"),
    ("五、小结\n\n⟦⟧查询记录太多还能贷款吗?这个问题", "first restatement in the conclusion"),
])
ann(K, LC, "未经授权的查询。⟦《 业管理条例》⟧第十八条", "《征信业管理条例》", "certain",
    "mangled regulation name: 征信 cut out of 征信业管理条例 by the filter")
ann(K, LC, "⟦按照《个人信息保护法》第十三条⟧,金融机构每个月", None, "certain",
    "PIPL Art. 13 lists the lawful bases for processing; it sets no monthly limit on credit-report queries and no deletion right for them")
mc(K, '⟦ ⟧查询记录太多还能贷款吗?\n', '征信', 'certain', FN['征信'])
mc(K, '标签:⟦ ⟧查询、', '征信', 'certain', FN['征信'])
mc(K, '网贷\n\n⟦ ⟧查询记录', '征信', 'certain', FN['征信'])
mc(K, '什么是⟦ ⟧查询记', '征信', 'certain', FN['征信'])
mc(K, '\n\n个人⟦ ⟧报告的最', '征信', 'certain', FN['征信'])
mc(K, '询一次⟦ ⟧报告;', '征信', 'certain', FN['征信'])
mc(K, '就包含⟦ ⟧查询授', '征信', 'certain', FN['征信'])
mc(K, '查了你的⟦ ⟧。\n\n二', '征信', 'certain', FN['征信'])
mc(K, '询。《⟦ ⟧业管理', '征信', 'certain', FN['征信'])
mc(K, '定,向⟦ ⟧机构查', '征信', 'certain', FN['征信'])
mc(K, '可以向⟦ ⟧中心或', '征信', 'certain', FN['征信'])
mc(K, '护个人⟦⟧的重要', '隐私', 'likely', FN['隐私'] + LIKELY_NOTE)
mc(K, '银行查⟦ ⟧,会不', '征信', 'certain', FN['征信'])
mc(K, '自己的⟦ ⟧和。如', '征信', 'certain', FN['征信'])
mc(K, '的 和⟦⟧。如果', '隐私', 'certain', FN['隐私'])
mc(K, '一篇:⟦ ⟧花了多', '征信', 'certain', FN['征信'])


# ============================================================================ h17
# 小贷公司砍头息: the filter deletes 利息 and 高利贷 without trace and replaces 报警 with a
# space.  Markdown/BBCode residue, 合同法 cited as current, the pre-2020 24%/36% rule stated as
# current, an unsourced share and an ad promise at the end.  Negatives: Civil Code Art. 680 quoted
# exactly (高利放贷 is not hit by the filter), and the warning that quotes an agent's promise.
K = "h17"
FN = {"利息": "利息 deleted by the site filter (the article never contains 利息)",
      "报警": "报警 replaced by a space by the site filter (the article never contains 报警)",
      "高利贷": "高利贷 deleted by the site filter (the article never contains 高利贷)"}
lines(K, BP, "首页 > 贷款", note="breadcrumb / date / views header")
ann(K, MR, "\n\n⟦**导读:**⟧借了3万元", "导读:", "certain", "Markdown bold markers left in the page text")
ann(K, MR, "⟦**温馨提示:**⟧有的", "温馨提示:", "certain", "Markdown bold markers left in the page text")
lines(K, MR, "[img]", fix="", note="BBCode image tag left in the page text")
ann(K, OR, "的做法,⟦《合同法》第二百条⟧规定", "《民法典》第六百七十条", "certain",
    "合同法 was repealed on 2021-01-01 (article dated 2025); the rule is now Civil Code Art. 670")
ann(K, LC, "的做法,⟦《合同法》第二百条⟧规定", "《民法典》第六百七十条", "likely",
    "repealed law cited as current (scored under outdated-reference; neutral here)")
ann(K, OR, "按照最高人民法院的规定,⟦年利率24%以内受法律保护,24%到36%之间属于自然债务,借款人自愿支付的不能要回,超过36%的部分无效⟧。",
    None, "certain", "the 24%/36% bands were replaced in August 2020 by a cap of four times the one-year LPR")
ann(K, US, "⟦据业内人士估算,全国约有三成小贷客户遇到过不同形式的砍头息。⟧", None, "certain",
    "share attributed to unnamed insiders")
ann(K, RC, "本站所有贷款产品⟦均保证100%下款⟧", None, "certain", "guaranteed loan approval")
lines(K, BP, "本站所有贷款产品", conf="likely", note="site advertisement line")
mc(K, '万元算⟦⟧。这种', '利息', 'certain', FN['利息'])
mc(K, '中扣除⟦⟧、手续', '利息', 'certain', FN['利息'])
mc(K, '对预扣⟦⟧的做法', '利息', 'certain', FN['利息'])
mc(K, '借款的⟦⟧不得预', '利息', 'certain', FN['利息'])
mc(K, '扣除,⟦⟧预先在', '利息', 'certain', FN['利息'])
mc(K, '并计算⟦⟧。也就', '利息', 'certain', FN['利息'])
mc(K, '为它支付⟦⟧。\n3.', '利息', 'certain', FN['利息'])
mc(K, ',及时⟦ ⟧。如果', '报警', 'certain', FN['报警'])
mc(K, ',直接⟦ ⟧处理。', '报警', 'certain', FN['报警'])
mc(K, '头息、⟦⟧打五折', '利息', 'certain', FN['利息'])
mc(K, '如何识别⟦⟧\n\n1.', '高利贷', 'certain', FN['高利贷'])
mc(K, '判断为⟦⟧,千万', '高利贷', 'certain', FN['高利贷'])
mc(K, '元计收⟦⟧。王先', '利息', 'certain', FN['利息'])
mc(K, '计算剩余⟦⟧。\n\n这', '利息', 'certain', FN['利息'])
mc(K, '和合法⟦⟧仍然要', '利息', 'certain', FN['利息'])


# ============================================================================ h18
# 无还本续贷: a clean professional article (full-width punctuation).  Two slips: a vague appeal
# to unnamed rules that backs a false claim (which the next sentence contradicts), and one line
# with half-width brackets and comma.  Negatives: the dated historical mention of 原银监会 (2014)
# and the 2024 notice of 国家金融监督管理总局, and the warning quoting an agent's "百分百续贷".
K = "h18"
ann(K, LC, "⟦根据相关法律法规⟧，只要借款人按时付息", None, "certain",
    "vague appeal to unnamed rules backing a false claim (renewal is the bank's credit decision)")


# ============================================================================ h19
# 银行卡被冻结: the filter deletes 诈骗 without trace (also inside the name of 反电信网络诈骗法)
# and replaces 公安 with a space.  Three copies of the title, chrome, a mangled law name, an ad
# with a guaranteed outcome, and a chatbot sign-off.  Negatives: the warning about paid
# "unfreezing" scams, 涉诈 (not hit by the filter).
K = "h19"
FN = {"诈骗": "诈骗 deleted by the site filter (the article never contains 诈骗)",
      "公安": "公安 replaced by a space by the site filter (the article never contains 公安)"}
ann(K, DT, "⟦银行卡突然被冻结了怎么办?教你一步步解冻⟧\n银行卡突然", None, "likely", "page title (first copy)")
ann(K, DT, "解冻\n⟦银行卡突然被冻结了怎么办?教你一步步解冻⟧\n2025-08-21", None, "certain", "title repeated on the next line")
ann(K, DT, "浏览:8934\n\n⟦银行卡突然被冻结了怎么办?教你一步步解冻⟧\n\n最近", None, "certain", "title repeated again as a heading")
lines(K, BP, "2025-08-21 10:05", note="date / source / author / views header")
ann(K, LC, "需要提醒的是,⟦《中华人民共和国反电信网络法》⟧明确", "《中华人民共和国反电信网络诈骗法》", "certain",
    "mangled law name: 诈骗 cut out of 反电信网络诈骗法 by the filter")
ann(K, RC, "专业解冻团队,⟦当天解冻,成功率100%,不成功全额退款⟧", None, "certain", "guaranteed outcome in an ad")
lines(K, BP, "专业解冻团队", conf="likely", note="advertisement line")
lines(K, GR, "希望以上回答对您有帮助", note="chatbot sign-off left in the article")
mc(K, '信网络⟦⟧资金往', '诈骗', 'certain', FN['诈骗'])
mc(K, '收到了⟦⟧赃款,', '诈骗', 'likely', FN['诈骗'] + LIKELY_NOTE)
mc(K, '可能被⟦ ⟧机关依', '公安', 'certain', FN['公安'])
mc(K, '流过了⟦⟧资金,', '诈骗', 'likely', FN['诈骗'] + LIKELY_NOTE)
mc(K, '某某市⟦ ⟧局某某', '公安', 'certain', FN['公安'])
mc(K, '如果是⟦ ⟧机关冻', '公安', 'certain', FN['公安'])
mc(K, '。\n2.⟦ ⟧冻结:按', '公安', 'certain', FN['公安'])
mc(K, '流水到⟦ ⟧机关说', '公安', 'certain', FN['公安'])
mc(K, '自己与⟦⟧无关。', '诈骗', 'certain', FN['诈骗'])
mc(K, '楚后,⟦ ⟧机关会', '公安', 'certain', FN['公安'])
mc(K, '信网络⟦⟧法》明', '诈骗', 'certain', FN['诈骗'])
mc(K, '自称“⟦ ⟧内部人', '公安', 'certain', FN['公安'])
mc(K, '的二次⟦⟧,真正', '诈骗', 'certain', FN['诈骗'])


# ============================================================================ h20
# 继承与债务: a clean professional article (full-width punctuation).  Two slips: the repealed
# 继承法 cited as the current rule in one place, and one stray space.  Negatives: Civil Code
# Art. 1161 and Art. 1124 given exactly, and the dated note on the repeal of 继承法 (which also
# mentions it for pre-2021 successions).
K = "h20"
ann(K, OR, "情况四:遗产已经分完,债权人才出现。按照⟦《继承法》第三十三条⟧的规定".replace(":", "：").replace(",", "，"),
    "《民法典》第一千一百六十一条", "certain",
    "继承法 was repealed on 2021-01-01; the rule is now Civil Code Art. 1161 (the article itself says so in section 四)")
ann(K, LC, "按照⟦《继承法》第三十三条⟧的规定".replace(",", "，"), "《民法典》第一千一百六十一条", "likely",
    "repealed law cited as current (scored under outdated-reference; neutral here)")


GOLD.punctuation()  # derived from the articles and the records above


if __name__ == "__main__":
    sys.exit(GOLD.main())
