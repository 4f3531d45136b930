package corpus

import "strings"

// The built-in vocabulary. It names the parts of synthetic documents
// (folders, issuers, topics, chapters) and, when the training corpus is
// missing, it is all the generator has to write prose with.
//
// Lists are written as space-separated words to keep them compact.

var (
	// subjects are who a clause obliges.
	subjects = strings.Fields(`县级以上人民政府 县级以上地方各级人民政府 国务院有关部门 省、自治区、直辖市人民政府
		各级党组织 党员领导干部 机关党组织 党委（党组） 基层党组织 党支部 党小组 机关纪委 纪检监察机关
		主管部门 有关主管部门 审计机关 公安机关 人民法院 人民检察院 监察机关 行政机关 生产经营单位
		用人单位 用人单位的主要负责人 本单位 任何单位和个人 有关单位 有关组织 社会组织 企业事业单位
		机关工委 省直机关工委 组织部门 宣传部门 统战部门 财政部门 市场监督管理部门 生态环境主管部门
		教育行政部门 卫生健康主管部门 应急管理部门 税务机关 海关 村民委员会 居民委员会 党员 入党积极分子`)

	// modals join a subject to what it does.
	modals = strings.Fields(`应当 可以 不得 必须 有权 依法 负责 应当及时 应当定期 应当严格`)

	// verbs are what subjects do.
	verbs = strings.Fields(`加强 建立健全 落实 监督检查 组织实施 制定 公布 报告 审查 批准 备案 登记 保障 推进 完善 履行
		开展 指导 督促 协调 组织 部署 评估 考核 记录 公开 征求 听取 核实 处理 纠正 追究 整改 培训 宣传
		教育 管理 服务 统筹 规划 审批 核准 检查 调查 处置 通报 约谈 表彰 奖励 保护 维护 支持 鼓励 引导`)

	// objects are what the verbs act on.
	objects = strings.Fields(`党建工作责任制 安全生产责任制 信息公开制度 财政收支 党员教育管理 三会一课制度 民主评议党员
		组织生活会 主题党日活动 行政许可 监督管理职责 有关材料 工作机制 廉政风险防控 意识形态工作责任制
		档案资料 党费收缴使用管理 发展党员工作 谈心谈话制度 民主生活会 请示报告制度 干部选拔任用工作
		预算执行情况 国有资产 公共服务 应急预案 突发事件 环境影响评价 风险评估 个人信息 数据安全
		行政处罚 行政复议 合法权益 工作台账 考核结果 整改措施 问题线索 监督检查结果 统计资料 相关证据
		专项资金 财务收支 政府采购 工程建设项目 标准规范 技术规范 培训计划 年度工作计划 工作报告
		党务公开 政务公开 基层治理 法治宣传教育 作风建设 纪律教育 警示教育 廉洁文化 党内法规制度
		规范性文件 执法检查 备案审查 清理工作 汇编工作 典型案例 党建品牌 先进典型 工作经验`)

	// adverbials open a clause.
	adverbials = strings.Fields(`在本行政区域内 按照规定的程序 依照本条例规定 根据工作需要 定期 及时 在法定期限内
		按照干部管理权限 结合本地区实际 结合本单位实际 在职责范围内 按照有关规定 每年 每季度 必要时
		在收到申请之日起二十日内 自决定作出之日起十五日内 在党委（党组）领导下 按照属地管理原则
		坚持以习近平新时代中国特色社会主义思想为指导 坚持党的全面领导 坚持问题导向 坚持依规治党`)

	// conditions qualify a clause.
	conditions = strings.Fields(`情节严重的 造成严重后果的 构成犯罪的 拒不改正的 有下列情形之一的 经批准 确有必要的
		情节较轻的 逾期不改正的 造成损失的 涉及国家秘密的 法律、行政法规另有规定的 经集体研究决定
		符合条件的 未按照规定履行职责的 弄虚作假的 滥用职权、玩忽职守、徇私舞弊的`)

	// penalties close a liability clause.
	penalties = strings.Fields(`责令改正，给予警告 责令限期改正，没收违法所得 依法给予处分 依法追究刑事责任
		对直接负责的主管人员和其他直接责任人员依法给予处分 给予批评教育或者诫勉谈话 给予党纪处分
		处一万元以上五万元以下的罚款 处五万元以上二十万元以下的罚款 暂停相关业务 吊销许可证件 通报批评`)

	// partyPurposes and statePurposes fill 为了……，制定本条例 in a
	// first article.
	partyPurposes = strings.Fields(`加强和规范机关党的建设 提高党的建设质量 推进全面从严治党 加强党内法规制度建设
		落实全面从严治党主体责任 规范党组织的工作 加强党员队伍建设 保障党员民主权利 维护党的纪律 推动党建工作责任制落实`)
	statePurposes = strings.Fields(`规范行政行为 保障公民、法人和其他组织的合法权益 维护社会公共利益 促进经济社会高质量发展
		加强监督管理 预防和减少事故 保护和改善生态环境 促进依法行政 推进国家治理体系和治理能力现代化 优化营商环境`)

	// stateTopics are subjects of state regulations.
	stateTopics = strings.Fields(`安全生产 食品安全 药品管理 道路交通安全 消防 城乡规划 土地管理 矿产资源 水污染防治
		大气污染防治 固体废物污染环境防治 政府信息公开 行政复议 行政许可 政府采购 招标投标 统计 审计
		档案 保密 信访 人民调解 社会救助 城市管理 物业管理 建筑市场 房屋征收与补偿 不动产登记 价格
		反不正当竞争 消费者权益保护 电子商务 数据安全 个人信息保护 网络安全 科学技术进步 教育督导 职业教育
		学前教育 医疗机构 疫苗管理 传染病防治 公共文化服务 文物保护 旅游 体育 慈善 志愿服务 优化营商环境`)

	// partyTopics are subjects of Party regulations.
	partyTopics = strings.Fields(`党支部工作 党员教育管理工作 组织工作 宣传工作 纪律处分 问责 党内监督 巡视工作
		基层组织选举工作 机关基层组织工作 发展党员工作 党组工作 党员权利保障 廉洁自律 重大事项请示报告
		党政领导干部选拔任用工作 党内法规制定 党内法规和规范性文件备案审查 党内法规执行责任制 党委（党组）理论学习中心组学习
		党员领导干部民主生活会 党费收缴使用和管理 党务公开 党的地方委员会工作 党的工作机关 干部教育培训工作
		领导干部报告个人有关事项 机关党建工作责任制 意识形态工作责任制 全面从严治党主体责任 谈心谈话 主题党日
		三会一课 民主评议党员 组织生活会 党建品牌创建 模范机关创建 党建述职评议考核`)

	// stateQualifiers narrow a state subject in a large library (see subjects).
	stateQualifiers = strings.Fields(`信息公开 监督检查 应急管理 标准化 统计调查 信用管理 行政执法 档案管理 促进 保护
		服务保障 数据管理 资金管理 风险防控 考核评价 登记 许可 检验检测 宣传教育 奖励 投诉举报 技术规范
		安全评价 规划编制 财政补助 监测预警 责任追究 人才培养 对外合作 社会参与`)

	// partyQualifiers narrow a Party subject in a large library.
	partyQualifiers = strings.Fields(`考核评价 监督检查 责任制 督查督办 档案管理 经费保障 培训 述职评议 信息化 请示报告
		容错纠错 激励关怀 问题整改 调查研究 联系指导 示范创建 规范化建设 台账管理 谈话提醒 情况通报 年度报告
		任务清单 工作例会 成效评估 经验交流 约谈 督导 巡察配合 宣传报道 制度评估`)

	// stateChapters name chapters of state regulations.
	stateChapters = strings.Fields(`管理体制 规划与建设 监督管理 许可与登记 权利和义务 保障措施 信息公开 应急处置 标准与认证
		资金管理 服务与保障 检查与评估 奖励与处罚 预防与控制 登记管理 经营规范 技术支持 宣传教育`)

	// partyChapters name chapters of Party regulations.
	partyChapters = strings.Fields(`组织设置 职责任务 组织生活 党员教育管理监督 领导和保障 工作机制 监督检查 责任追究
		考核评价 政治建设 思想建设 组织建设 作风建设 纪律建设 制度建设 队伍建设 工作程序 备案审查 执行与监督`)

	// partyHeadings are the 一、二、 headings of 意见 and 通知.
	partyHeadings = strings.Fields(`总体要求 指导思想 基本原则 主要任务 重点工作 工作措施 保障措施 组织领导 工作要求
		强化政治引领 压实主体责任 健全工作机制 加强督促检查 严格考核评价 注重宣传引导 抓好贯彻落实`)

	// departments issue 部门规章; each comes with its 文号 prefix.
	departments = [][2]string{{"教育部", "教政法"}, {"财政部", "财库"}, {"人力资源和社会保障部", "人社部发"},
		{"生态环境部", "环法规"}, {"应急管理部", "应急"}, {"国家税务总局", "税总发"}, {"自然资源部", "自然资规"},
		{"国家市场监督管理总局", "国市监法"}, {"公安部", "公通字"}, {"民政部", "民发"}}

	// provinces hold 地方性法规; some with a city below them.
	provinces = [][3]string{{"北京市", "京", ""}, {"广东省", "粤", "深圳市"}, {"江苏省", "苏", "南京市"},
		{"浙江省", "浙", "杭州市"}, {"四川省", "川", ""}, {"湖北省", "鄂", "武汉市"}, {"山东省", "鲁", ""}, {"陕西省", "陕", "西安市"}}

	// partyTags and stateTags fill the tags of front matter.
	partyTags = strings.Fields(`三会一课 民主评议 组织生活 党费 发展党员 主题党日 党建责任制 意识形态 廉政建设 作风建设 党内监督 巡视巡察`)
	stateTags = strings.Fields(`行政执法 安全生产 财政 教育 生态环境 市场监管 社会保障 信息公开 应急管理 营商环境`)
)
