#!/usr/bin/env python3
"""Build gold.jsonl for the held-out articles in this folder (h01 … h10).

Only this set's annotations are here, as data; bench/gold_builder.py loads the articles,
resolves each ⟦span⟧, derives the punctuation records, verifies and writes.

    python bench/heldout/build_gold.py          # rebuild gold.jsonl and print counts
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/: gold_builder
from gold_builder import END, LM, RM, BP, DT, FC, GR, LC, LS, MR, OR, PU, RC, SP, US, GoldBuilder  # noqa: E402

GOLD = GoldBuilder(Path(__file__).resolve().parent)
ann, each, lines, mc, spun, stuffing = GOLD.ann, GOLD.each, GOLD.lines, GOLD.mc, GOLD.spun, GOLD.stuffing


# ============================================================================ h01
# 信用卡分期: filter deletes 律师 and 利息 everywhere (no space left); title question stuffed.
K = "h01"
lines(K, BP, "您的位置:", note="breadcrumb")
lines(K, BP, "发布时间:", note="date / views / author header")
lines(K, BP, "免责声明:", note="site disclaimer footer")
lines(K, BP, "上一篇:", note="previous-article navigation")
lines(K, BP, "下一篇:", note="next-article navigation")
lines(K, LS, "上一篇:", "下一篇:", conf="likely", note="prev/next titles: navigation chrome rather than a related-link list")
stuffing(K, "信用卡分期还不上会怎么样", likely_ctx=[
    ("您的位置:首页>信用卡>用卡知识\n⟦⟧信用卡分期还不上会怎么样?\n", "title line itself"),
    ("\n\n⟦⟧信用卡分期还不上会怎么样?这是很多持卡人", "first, natural statement of the key question"),
    ("五、总结\n\n⟦⟧信用卡分期还不上会怎么样?简单说", "first restatement in the conclusion"),
])
NOTE_LIXI = "利息 deleted by the site filter (the article never contains 利息)"
mc(K, "违约金、手续费和⟦一起⟧累积", "利息一起", note=NOTE_LIXI + "; 和 has no second conjunct")
mc(K, "并按日⟦收取⟧,部分银行", "收取利息", note=NOTE_LIXI + "; 收取 lacks its object")
mc(K, "国家有关规定支付⟦逾期⟧。”", "逾期利息", note=NOTE_LIXI + " inside the quotation of Civil Code Art. 676")
mc(K, "按合同约定⟦计收⟧,银行是有依据的", "计收利息", note=NOTE_LIXI + "; 计收 lacks its object")
mc(K, "要求归还本金、⟦和⟧违约金", "利息和", note=NOTE_LIXI + "; empty item in the list")
NOTE_LS = "律师 deleted by the site filter (the article never contains 律师)"
mc(K, "或者委托⟦事务所⟧发送函", "律师事务所", note=NOTE_LS)
mc(K, "事务所发送⟦函⟧。如果", "律师函", note=NOTE_LS)
mc(K, "诉讼中产生的⟦费⟧也可能", "律师费", note=NOTE_LS)
mc(K, "必要时可以咨询⟦专业⟧,了解", "专业律师", note=NOTE_LS + "; 咨询专业 has no object")
ann(K, LC, "⟦《中华人民共和国民法典》第六百七十六条规定:“借款人未按照约定的期限返还借款的,应当按照约定或者国家有关规定支付逾期。”⟧",
    None, "likely", "correct article, but the quotation lost 利息 to the filter, so it no longer matches the text")
ann(K, LC, "另外,依据⟦《合同法》第二百零七条⟧,银行还可以", "《民法典》第六百七十六条", "certain",
    "合同法 was repealed on 2021-01-01 (article dated 2024); the content is now Civil Code Art. 676")
ann(K, OR, "另外,依据⟦《合同法》第二百零七条⟧,银行还可以", None, "likely",
    "repealed law cited as current (scored under legal-citation; neutral here)")
ann(K, LC, "主动沟通。⟦根据国家相关规定⟧,银行必须为困难持卡人办理停息挂账", None, "certain",
    "vague appeal to unnamed rules backing a false concrete claim (no rule obliges banks to grant 停息挂账)")
ann(K, OR, "可以拨打⟦银保监会⟧的投诉热线12378", "国家金融监督管理总局", "certain",
    "银保监会 abolished 2023-05-18; article dated 2024-08-12")
ann(K, US, "⟦据统计,超过四成的信用卡用户办理过账单分期或现金分期⟧", None, "certain",
    "statistic with no source")

# ============================================================================ h02
# 车贷: filter deletes 贷款 (nothing left) and 法院 (a space left); title printed three times.
K = "h02"
lines(K, DT, "车贷逾期三个月车会被拖走吗_", conf="likely", note="page title with site suffix: first copy of the title")
lines(K, BP, "车贷逾期三个月车会被拖走吗_", conf="likely", note="site-name suffix on the page title line")
ann(K, DT, "易车问答网\n2024-11-03 09:12 来源:网络整理 阅读量:5.2万\n\n⟦车贷逾期三个月车会被拖走吗⟧\n", None, "certain",
    "second copy of the title")
ann(K, DT, "\n\n⟦车贷逾期三个月车会被拖走吗?⟧\n\n买车时", None, "certain", "third copy of the title")
lines(K, BP, "2024-11-03 09:12", note="date / source / views header")
lines(K, BP, "本文标签:", note="tag line")
lines(K, LS, "相关推荐", END, note="related-article title list through the end of the page")
NOTE_DK = "贷款 deleted by the site filter (the article never contains 贷款)"
mc(K, "以车辆作⟦抵押的⟧,首付低", "抵押的贷款", note=NOTE_DK + "; 的 has no head noun")
mc(K, "办理⟦汽车⟧的时候", "汽车贷款", note=NOTE_DK + "; 办理汽车 makes no sense")
mc(K, "签订的是⟦抵押合同⟧", "抵押贷款合同", "likely", NOTE_DK + "; still reads acceptably")
mc(K, "逾期1到30天,⟦机构⟧会打电话", "贷款机构", "likely", NOTE_DK + "; still reads acceptably")
mc(K, "以上,这笔⟦在⟧很多机构内部", "贷款在", note=NOTE_DK + "; 这笔 has no noun")
mc(K, "一定期数,⟦机构⟧有权要求", "贷款机构", "likely", NOTE_DK + "; still reads acceptably")
mc(K, "也就是说,⟦机构⟧要处置车辆", "贷款机构", "likely", NOTE_DK + "; still reads acceptably")
mc(K, "(3)被起诉。⟦机构⟧向", "贷款机构", "likely", NOTE_DK + "; still reads acceptably")
mc(K, "尽快和⟦机构⟧联系", "贷款机构", "likely", NOTE_DK + "; still reads acceptably")
mc(K, "用卖车款⟦结清⟧,这往往", "结清贷款", note=NOTE_DK + "; 结清 lacks its object")
mc(K, "二手车⟦利率⟧一般是多少", "贷款利率", "likely", NOTE_DK + " (inside the related-link list)")
NOTE_FY = "法院 deleted by the site filter, a space left where the word was"
mc(K, "可以请求人民⟦ ⟧拍卖、变卖抵押财产", "法院", note=NOTE_FY)
mc(K, "要么向⟦ ⟧申请", "法院", note=NOTE_FY)
mc(K, "出借人未经⟦ ⟧判决", "法院", note=NOTE_FY)
mc(K, "也可以向人民⟦ ⟧起诉要求返还车辆", "法院", note=NOTE_FY)
mc(K, "机构向⟦ ⟧起诉后", "法院", note=NOTE_FY)
mc(K, "收到⟦ ⟧传票", "法院", note=NOTE_FY)
ann(K, LC, "根据⟦《民法典》第1280条⟧规定", None, "certain", "article out of range: the Civil Code has 1260 articles")
ann(K, LC, "⟦《担保法》第五十三条⟧也规定", "《民法典》第四百一十条", "certain",
    "担保法 repealed 2021-01-01 (article dated 2024)")
ann(K, OR, "⟦《担保法》第五十三条⟧也规定", None, "likely", "repealed law cited as current (neutral here)")
ann(K, LC, "⟦法律明确规定⟧,未经车主同意私自拖车一律属于违法行为", None, "likely",
    "unsupported legal claim that names no law")
ann(K, US, "⟦数据显示,约七成车贷逾期发生在还款的前12期⟧", None, "certain", "statistic with no source")

# ============================================================================ h03
# 助学贷款: clean professional article with two slips.
K = "h03"
ann(K, LC, "借款合同纠纷依照⟦《中华人民共和国合同法》第二百零六条⟧关于还款期限的规定处理",
    "《中华人民共和国民法典》第六百七十五条", "certain", "合同法 repealed 2021-01-01; the rule is now Civil Code Art. 675")
ann(K, OR, "借款合同纠纷依照⟦《中华人民共和国合同法》第二百零六条⟧", None, "likely",
    "repealed law cited as current (neutral here)")

# ============================================================================ h04
# 网贷协商: filter deletes 微信 (space left) and 客服 (nothing left); title question stuffed;
# fake comment block; paid negotiation service promoted.
K = "h04"
lines(K, BP, "网贷知识 / 协商还款 / 正文", note="breadcrumb")
lines(K, BP, "2025-01-20 16:05", note="date / editor / share-buttons header")
lines(K, FC, "网友评论", END, note="comment block with invented personas")
stuffing(K, "网贷逾期了怎么协商还款", likely_ctx=[
    ("正文\n⟦⟧网贷逾期了怎么协商还款\n", "title line itself"),
    ("\n\n⟦⟧网贷逾期了怎么协商还款?这是最近", "first, natural statement of the key question"),
    ("\n\n⟦⟧网贷逾期了怎么协商还款?总结一下", "first restatement in the conclusion"),
    ("老周-法务顾问 2025-01-21\n⟦⟧网贷逾期了怎么协商还款", "inside the fake comment block"),
])
NOTE_WX = "微信 deleted by the site filter, a space left where the word was"
mc(K, "分享到:⟦ ⟧ 微博", "微信", "likely", NOTE_WX + " (share buttons in the header)")
mc(K, "也开通了官方⟦ ⟧公众号", "微信", note=NOTE_WX)
mc(K, "发到你的⟦ ⟧好友和通讯录", "微信", note=NOTE_WX)
mc(K, "可以添加小编⟦ ⟧:dkx2025", "微信", note=NOTE_WX)
NOTE_KF = "客服 deleted by the site filter (the article never contains 客服)"
mc(K, "可以联系⟦平台⟧要电子版合同", "平台客服", "likely", NOTE_KF + "; still reads acceptably")
mc(K, "通过⟦平台官方热线⟧或者", "平台官方客服热线", "likely", NOTE_KF + "; still reads acceptably")
mc(K, "App内的⟦在线⟧提出申请", "在线客服", note=NOTE_KF + "; 在线 has no noun")
mc(K, "至少保留⟦的⟧聊天记录", "客服的", note=NOTE_KF + "; 保留的聊天记录 is broken")
mc(K, "按文章说的打了⟦电话⟧", "客服电话", "likely", NOTE_KF + " (inside the comment block)")
ann(K, LC, "⟦根据相关法律规定⟧,只要借款人提出申请,平台就必须同意停息分期", None, "certain",
    "vague appeal backing a false concrete claim (no law obliges lenders to grant 停息分期)")
ann(K, LC, "按照⟦《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条⟧", None, "likely",
    "correct article, but licensed lenders are outside the private-lending rules, so applying it to 网贷 is doubtful")
ann(K, OR, "向当地⟦银保监局⟧投诉", "金融监管局", "certain",
    "银保监局 offices replaced by 国家金融监督管理总局 local offices in 2023; article dated 2025-01-20")
ann(K, RC, "如果实在自己谈不下来,⟦可以添加小编 :dkx2025,我们有专业法务团队一对一帮你办理停息挂账,成功率高达95%,不成功不收费⟧",
    None, "certain", "author promotes a paid 停息挂账 agency service with a success-rate promise")
ann(K, US, "⟦成功率高达95%⟧,不成功不收费", None, "likely", "unsourced success rate inside the advertisement")
ann(K, RC, "⟦协商不成可以找我们,专业处理网贷逾期,全国可办。⟧", None, "likely",
    "agency advertisement inside the fake comment block")

# ============================================================================ h05
# 征信异议: filter deletes 中国 and 人民 (nothing left); spun synonyms.
K = "h05"
lines(K, DT, "征信有逾期记录可以申请异议删除吗", conf="likely", note="title (first copy)")
lines(K, DT, "征信上有逾期记录,能通过异议申请删掉吗?", conf="likely", note="paraphrased second title")
lines(K, BP, "征信知识 2025-03-18", note="category / date / author / views header")
NOTE_ZG = "中国 and 人民 deleted by the site filter (neither occurs in the article)"
mc(K, "我国个人征信系统由⟦银行征信中心⟧负责运行", "中国人民银行征信中心", note=NOTE_ZG + "; the name of the credit reference center is broken")
mc(K, "可以通过⟦银行征信中心⟧官网", "中国人民银行征信中心", note=NOTE_ZG)
mc(K, "还可以向⟦银行分支机构⟧反映", "中国人民银行分支机构", note=NOTE_ZG + "; 银行分支机构 points at the wrong institution")
mc(K, "或者向⟦法院⟧提起诉讼", "人民法院", "likely", NOTE_ZG + "; still reads acceptably")
mc(K, "根据⟦《中华共和国个人信息保护法》⟧", "《中华人民共和国个人信息保护法》", note=NOTE_ZG + "; mangled law name")
mc(K, "近万元⟦币⟧委托中介", "人民币", note=NOTE_ZG)
ann(K, LC, "根据⟦《中华共和国个人信息保护法》⟧", "《中华人民共和国个人信息保护法》", "certain", "mangled law name")
ann(K, LC, "⟦《征信业管理条例》第十六条⟧还规定,征信机构收到异议后应当在15个工作日内给予答复",
    "《征信业管理条例》第二十五条", "certain",
    "wrong article and wrong period: Art. 16 sets the 5-year retention; Art. 25 sets the 20-day dispute check")
ann(K, OR, "可以向⟦银监会⟧反映", "国家金融监督管理总局", "certain", "银监会 abolished 2018; article dated 2025-03-18")
spun(K, "同一个⟦疑问⟧:", "问题", note="疑问 for 问题")
spun(K, "正确看待这一⟦疑问⟧", "问题", note="疑问 for 问题")
spun(K, "确认⟦疑问⟧所在", "问题", note="疑问 for 问题")
each(K, SP, "纪录", "记录", note="纪录 (sports record) for 记录", expect=10)
spun(K, "办理⟦途径⟧和处理时光", "方式", "likely", "途径 for 方式; acceptable")
spun(K, "处理⟦时光⟧等方面", "时间", note="时光 for 时间")
spun(K, "让⟦时光⟧冲淡过去", "时间", "likely", "时光 for 时间; 时光冲淡 is idiomatic")
spun(K, "等方面⟦实行⟧分析", "进行", note="实行 for 进行")
each(K, SP, "征信机关", "征信机构", note="机关 for 机构", expect=2)
spun(K, "并将⟦成果⟧书面答复", "结果", note="成果 for 结果 (inside the paraphrase of Art. 25)")
spun(K, "等待核查⟦成果⟧", "结果", note="成果 for 结果")
spun(K, "请求⟦选用⟧更正", "采取", note="选用 for 采取")
spun(K, "⟦需求⟧注意的是", "需要", note="需求 for 需要")
spun(K, "⟦需求⟧供应身份证件", "需要", note="需求 for 需要")
spun(K, "需求⟦供应⟧身份证件", "提供", note="供应 for 提供")
spun(K, "入账延迟等⟦起因⟧被记为逾期", "原因", note="起因 for 原因")
spun(K, "还款⟦本事⟧不足", "能力", note="本事 for 能力")
spun(K, "⟦之一步⟧,查询信用报告", "第一步", note="之一步 for 第一步")
each(K, SP, "倘若", "如果", "likely", "倘若 for 如果; acceptable but bookish", expect=3)
spun(K, "诱导⟦顾客⟧伪造", "客户", "likely", "顾客 for 客户")

# ============================================================================ h06
# 房贷提前还款: clean professional article with two slips.
K = "h06"
ann(K, LC, "按照⟦《中华人民共和国合同法》第二百零八条⟧", "《中华人民共和国民法典》第六百七十七条", "certain",
    "合同法 repealed 2021-01-01; the same rule is Civil Code Art. 677")
ann(K, OR, "按照⟦《中华人民共和国合同法》第二百零八条⟧", None, "likely", "repealed law cited as current (neutral here)")
lines(K, BP, "© 2025 安居理财网", note="copyright / ICP footer")

# ============================================================================ h07
# 保险拒赔: filter deletes 投诉 (nothing left); spun synonyms; commas stripped in places.
K = "h07"
lines(K, BP, "保险 | 理赔指南", note="category header")
lines(K, BP, "2023年12月05日 14:30", note="date / comments / bookmark header")
ann(K, DT, "收藏\n\n⟦保险公司拒赔怎么办?有用吗⟧\n", None, "likely", "title (first copy)")
ann(K, DT, "有用吗\n\n⟦保险公司拒赔怎么办?有用吗⟧\n\n买保险", None, "certain", "second copy of the title")
NOTE_TS = "投诉 deleted by the site filter (the article never contains 投诉)"
mc(K, "收藏\n\n保险公司拒赔怎么办?⟦有用吗⟧\n", "投诉有用吗", note=NOTE_TS + "; the title question lost its subject")
mc(K, "有用吗\n\n保险公司拒赔怎么办?⟦有用吗⟧\n\n买保险", "投诉有用吗", note=NOTE_TS + " (second title copy)")
mc(K, "四、⟦有用吗⟧", "投诉有用吗", note=NOTE_TS + "; heading lost its subject")
mc(K, "向保险公司总部客户服务⟦中心⟧,也可以", "中心投诉", note=NOTE_TS + "; 向…中心 has no verb")
mc(K, "也可以向⟦保监会⟧,或者", "保监会投诉", note=NOTE_TS + "; 向保监会 has no verb")
mc(K, "其实正式的⟦渠道⟧往往更有效", "投诉渠道", "likely", NOTE_TS + "; still reads acceptably")
mc(K, "但要讲方法。⟦时⟧应当写清楚", "投诉时", note=NOTE_TS + "; sentence starts with 时")
mc(K, "监管部门会⟦把转给⟧", "把投诉转给", note=NOTE_TS + "; 把 has no object")
mc(K, "不成立的拒赔,⟦往往⟧能促使", "投诉往往", "likely", NOTE_TS + "; subject of 能促使 is gone")
ann(K, LC, "另外,⟦《保险法》第六十五条⟧规定,保险公司与被保险人达成赔偿协议后必须在十日内支付赔款",
    "《保险法》第二十三条", "certain",
    "wrong article: Art. 65 is about liability insurance; the 10-day payment rule is in Art. 23")
ann(K, OR, "也可以向⟦保监会⟧,或者", "国家金融监督管理总局", "certain", "保监会 abolished 2018; article dated 2023-12-05")
ann(K, OR, "或者拨打⟦银保监会⟧消费者热线12378", "国家金融监督管理总局", "certain",
    "银保监会 abolished 2023-05-18; article dated 2023-12-05")
ann(K, GR, "⟦希望以上内容能够帮助到您,如有其他疑问欢迎在评论区留言,小编会一一解答!⟧", None, "certain",
    "chat-style sign-off left by the template")
spun(K, "不少人遇到过的⟦疑惑⟧", "问题", note="疑惑 for 问题")
spun(K, "⟦起首⟧要做的是", "首先", note="起首 for 首先")
spun(K, "拒赔的⟦起因⟧", "原因", note="起因 for 原因")
spun(K, "有针对性地⟦采纳⟧措施", "采取", note="采纳 for 采取")
spun(K, "如实告知健康⟦资讯⟧", "信息", note="资讯 for 信息")
spun(K, "住院⟦纪录⟧等", "记录", note="纪录 for 记录")
each(K, SP, "契约", "合同", "likely", "契约 for 合同; legal-register but odd in this text", expect=2)
spun(K, "⟦局部⟧保险公司", "部分", note="局部 for 部分")
each(K, SP, "实时", "及时", note="实时 (real-time) for 及时", expect=3)
spun(K, "⟦需求⟧重点留意", "需要", note="需求 for 需要")
spun(K, "需求重点⟦留意⟧", "注意", "likely", "留意 for 注意")
spun(K, "补充⟦供应⟧材料", "提供", note="供应 for 提供")
spun(K, "在理赔⟦历程⟧中", "过程", note="历程 for 过程")
spun(K, "⟦需求⟧提醒的是", "需要", note="需求 for 需要")
NOTE_COMMA = "long clause with its commas stripped"
ann(K, PU, "⟦面对拒赔很多人不知道从哪里下手只能自认倒霉⟧", "面对拒赔，很多人不知道从哪里下手，只能自认倒霉",
    "certain", NOTE_COMMA, subtype="missing-comma")
ann(K, PU, "⟦对于未如实告知《保险法》第十六条有明确规定⟧", "对于未如实告知，《保险法》第十六条有明确规定",
    "certain", NOTE_COMMA, subtype="missing-comma")
ann(K, PU, "⟦投保人故意或者因重大过失未履行如实告知义务足以影响保险人决定是否同意承保或者提高保险费率的保险人有权解除合同⟧",
    "投保人故意或者因重大过失未履行如实告知义务，足以影响保险人决定是否同意承保或者提高保险费率的，保险人有权解除合同",
    "certain", NOTE_COMMA + " (paraphrase of Insurance Law Art. 16)", subtype="missing-comma")
ann(K, PU, "⟦如果是因为材料不全被拒赔可以补齐病历⟧", "如果是因为材料不全被拒赔，可以补齐病历",
    "certain", NOTE_COMMA, subtype="missing-comma")
ann(K, PU, "⟦这三点做到了拒赔的概率会大大降低⟧", "这三点做到了，拒赔的概率会大大降低",
    "certain", NOTE_COMMA, subtype="missing-comma")
ann(K, PU, "⟦合同约定了仲裁的可以申请仲裁⟧", "合同约定了仲裁的，可以申请仲裁",
    "likely", "short clause without comma; acceptable", subtype="missing-comma")

# ============================================================================ h08
# 银行理财: filter deletes 银行 leaving a space; guaranteed-return claim; fabricated quotation.
K = "h08"
lines(K, BP, "首页 » 理财", note="breadcrumb")
lines(K, BP, "发布于 2024-06-21", note="date / category / views header")
lines(K, LS, "热门文章", END, note="popular-article titles with truncated teasers through the end")
NOTE_YH = "银行 deleted by the site filter, a space left where the word was"
mc(K, "首页 » 理财 » ⟦ ⟧理财", "银行", "likely", NOTE_YH + " (breadcrumb)")
mc(K, "分类:⟦ ⟧理财", "银行", "likely", NOTE_YH + " (header)")
for ctx in ["能要求⟦ ⟧赔偿吗\n", "第一次在⟦ ⟧理财产品上", "想不通:在⟦ ⟧买的理财", "能不能找⟦ ⟧赔?",
            "一、为什么⟦ ⟧理财也会亏钱", "资管新规出台后,⟦ ⟧理财全面", "换句话说,⟦ ⟧理财本质上",
            "二、哪些情况可以要求⟦ ⟧赔偿", "的亏损,而⟦ ⟧在销售过程中", "投资者可以主张⟦ ⟧承担责任",
            "说成是⟦ ⟧自己的理财", "《商业⟦ ⟧法》", "“商业⟦ ⟧销售理财产品", "首先与⟦ ⟧协商",
            "负责人或者⟦ ⟧总行", "重点审查⟦ ⟧是否履行", "举证责任主要在⟦ ⟧一方"]:
    mc(K, ctx, "银行", note=NOTE_YH)
mc(K, "3.⟦ ⟧网点的录音录像", "银行", "likely", NOTE_YH + "; after a list number the gap looks like formatting")
for ctx in ["2024年⟦ ⟧大额存单", "随着多家⟦ ⟧下调", "国债和⟦ ⟧理财哪个", "国债和⟦ ⟧理财是最常见"]:
    mc(K, ctx, "银行", "likely", NOTE_YH + " (inside the link list)")
ann(K, LC, "⟦《商业 法》⟧第七十三条", "《商业银行法》", "certain", "law name mangled by the filter")
ann(K, LC, "《商业 法》第七十三条规定:⟦“商业 销售理财产品造成客户亏损的,应当承担全部赔偿责任。”⟧", None, "certain",
    "fabricated quotation: Art. 73 lists specific bank faults (delayed payment, wrongful freezing …), not a duty to cover investment losses")
ann(K, OR, "可以向⟦银保监会⟧或者当地银保监局投诉", "国家金融监督管理总局", "certain",
    "银保监会 abolished 2023-05-18; article dated 2024-06-21")
ann(K, OR, "或者当地⟦银保监局⟧投诉", "金融监管局", "certain",
    "银保监局 offices replaced in 2023; article dated 2024-06-21")
ann(K, RC, "⟦选择国有大行发行的稳健型理财,基本可以做到稳赚不赔,普通投资者闭着眼睛买也没问题⟧", None, "certain",
    "the author promises a no-loss outcome for a class of wealth products")
ann(K, US, "⟦据不完全统计,2022年末约有三成理财产品跌破净值⟧", None, "certain", "statistic with no source")

# ============================================================================ h09
# 担保责任: clean professional article with a wrong article number and two small slips.
K = "h09"
ann(K, LC, "保证责任不是无限期的。⟦《民法典》第六百八十一条⟧规定，保证期间没有约定",
    "《民法典》第六百九十二条", "certain", "wrong article: the six-month guarantee period is Art. 692 (Art. 681 defines the guarantee contract)")
lines(K, BP, "本文由法律知识频道整理发布", note="site attribution footer")

# ============================================================================ h10
# 债务重组: filter deletes 违法 and 诈骗 (nothing left); bold markers left; agency advert footer.
K = "h10"
lines(K, BP, "来源:财经观察网", note="source / author / editor / date header")
lines(K, BP, "【版权声明】", note="copyright footer")
lines(K, BP, "专业债务优化、停息挂账", conf="likely", note="advertising footer")
lines(K, RC, "专业债务优化、停息挂账", note="advert for a paid 停息挂账 service with a guaranteed outcome (包成功)")
lines(K, LS, "猜你喜欢", "个人征信花了多久能恢复", note="related-article title list")
ann(K, GR, "⟦个人债务重组靠谱吗?小心这些套路⟧", None, "likely", "click-bait tail on the title")
for ctx in ["⟦**一、什么是真正的债务重组**⟧", "⟦**二、中介常用的几种套路**⟧", "⟦**三、自己能做的合法途径**⟧"]:
    plain = ctx.strip(LM + RM)
    ann(K, MR, ctx, plain.strip("*"), "certain", "Markdown bold markers left in plain text")
NOTE_ZP = "诈骗 deleted by the site filter (the article never contains 诈骗)"
NOTE_WF = "违法 deleted by the site filter (the article never contains 违法)"
mc(K, "这类行为⟦涉嫌⟧,一旦付款", "涉嫌诈骗", note=NOTE_ZP + "; 涉嫌 lacks its object")
mc(K, "还可能⟦涉嫌⟧。", "涉嫌违法", note=NOTE_WF + "; 涉嫌 lacks its object")
mc(K, "大多属于⟦电信⟧。", "电信诈骗", note=NOTE_ZP)
mc(K, "第二百六十六条,⟦公私财物⟧", "诈骗公私财物", note=NOTE_ZP + " inside the paraphrase of Criminal Law Art. 266")
mc(K, "如果遭遇⟦催收⟧,可以", "违法催收", "likely", NOTE_WF + "; still reads acceptably")
mc(K, "不要相信⟦中介⟧的花言巧语", "违法中介", "likely", NOTE_WF + "; still reads acceptably")
ann(K, LC, "根据⟦《企业破产法》第二条⟧,个人资不抵债时", None, "certain",
    "wrong law: the Enterprise Bankruptcy Law covers enterprise legal persons, not individuals")
ann(K, LC, "⟦根据《刑法》第二百六十六条,公私财物数额较大的,处三年以下有期徒刑、拘役或者管制,并处或者单处罚金⟧",
    None, "likely", "correct article; the paraphrase lost 诈骗 to the filter")
ann(K, LC, "信用卡可以⟦依照相关规定⟧申请最长60期", None, "likely", "vague appeal (the rule is not named)")
ann(K, OR, "可以向⟦银保监会⟧或者相关部门反映", "国家金融监督管理总局", "certain",
    "银保监会 abolished 2023-05-18; article dated 2025-02-26")
ann(K, OR, "“政府合作机构”“⟦银保监会⟧备案机构”", None, "likely", "stale regulator inside a quoted scam claim")


GOLD.punctuation()  # derived from the articles and the records above


if __name__ == "__main__":
    sys.exit(GOLD.main())
