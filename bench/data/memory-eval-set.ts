/**
 * A retrieval test set written for RedMatrix's memory: facts a Xiaohongshu content team keeps
 * (brand voice, audience, what worked, what was rejected, operations), each with three queries
 * a teammate might type: close wording, a paraphrase, and one with a typo (wrong character,
 * homophone, or misspelling). The memory a query was written for is its one relevant answer.
 */
export type EvalItem = { content: string; tags: string[]; queries: [string, string, string] };

export const memoryEvalSet: EvalItem[] = [
  {
    content: "品牌调性：温柔、真诚，像闺蜜聊天，不用夸张的营销词",
    tags: ["品牌"],
    queries: ["品牌调性是什么", "我们说话应该是什么语气", "品牌调姓 温柔"],
  },
  {
    content: "标题不要用感叹号，最多一个表情符号",
    tags: ["标题"],
    queries: ["标题能用感叹号吗", "题目里的标点和表情有什么限制", "标题 感叹好"],
  },
  {
    content: "核心受众：一线城市 25-35 岁职场女性，关注通勤和效率",
    tags: ["受众"],
    queries: ["核心受众是谁", "我们的读者是什么样的人", "核心受重 职场女性"],
  },
  {
    content: "敏感肌用户最关心成分是否温和、有没有酒精和香精",
    tags: ["受众", "护肤"],
    queries: ["敏感肌用户关心什么", "皮肤容易过敏的人最在意哪些成分", "敏感机 酒精 香精"],
  },
  {
    content: "周末下午三点到五点发布的笔记互动率最高",
    tags: ["发布时间"],
    queries: ["什么时候发布互动最高", "几点发笔记效果最好", "周末下午发部 互动率"],
  },
  {
    content: "封面用大字标题加前后对比图，点击率明显更高",
    tags: ["封面"],
    queries: ["封面怎么做点击率高", "首图设计有什么有效的做法", "封面 对比土 点击率"],
  },
  {
    content: "被否决：用明星同款做标题，法务认为有侵权风险",
    tags: ["被否决"],
    queries: ["明星同款标题能用吗", "为什么不能蹭名人的款式", "明星同看 侵权"],
  },
  {
    content: "评论区置顶一条提问，能把评论数提高约 30%",
    tags: ["互动"],
    queries: ["怎么提高评论数", "让更多人留言的办法", "评论区至顶 提问"],
  },
  {
    content: "合集笔记（10 款平价好物）收藏率是单品笔记的三倍",
    tags: ["有效做法"],
    queries: ["合集笔记收藏率", "清单类内容为什么被收藏得多", "平价好物 合急 收藏"],
  },
  {
    content: "不要在正文里放外部链接和微信号，会被限流",
    tags: ["平台规则"],
    queries: ["正文能放微信号吗", "哪些联系方式写进去会被降权", "外部连接 限流"],
  },
  {
    content: "话题标签每篇 5 到 8 个，第一个放最大的品类词",
    tags: ["话题"],
    queries: ["每篇放几个话题标签", "话题怎么排序和选择", "话题标前 数量"],
  },
  {
    content: "品牌主色是奶油白和雾霾蓝，图片滤镜统一偏暖",
    tags: ["视觉"],
    queries: ["品牌主色是什么", "图片用什么色调和滤镜", "主色 雾霾篮 奶油白"],
  },
  {
    content: "探店笔记要写清人均价格、地址和营业时间",
    tags: ["探店"],
    queries: ["探店笔记要写什么信息", "去店里打卡的内容需要交代哪些", "探点 人均 地址"],
  },
  {
    content: "视频笔记前三秒必须出现产品或结果画面",
    tags: ["视频"],
    queries: ["视频开头怎么拍", "短视频的第一个镜头放什么", "视屏 前三秒"],
  },
  {
    content: "被否决：恐吓式文案（不用就会变老）不符合品牌调性",
    tags: ["被否决", "文案"],
    queries: ["恐吓式文案能用吗", "制造焦虑的写法为什么不行", "恐吓式文按"],
  },
  {
    content: "达人合作报价参考：万粉博主图文 800 到 1500 元",
    tags: ["合作"],
    queries: ["万粉博主报价多少", "找达人写图文大概花多少钱", "达人和作 报价"],
  },
  {
    content: "每周三固定做一次粉丝问答直播，留存最好",
    tags: ["直播"],
    queries: ["粉丝问答直播什么时候做", "哪天开直播留存高", "粉丝问达 直播"],
  },
  {
    content: "产品卖点顺序：温和不刺激、保湿持久、性价比高",
    tags: ["卖点"],
    queries: ["产品卖点顺序", "介绍产品时先讲什么优势", "卖点 保显 温和"],
  },
  {
    content: "避免使用最、第一、顶级等极限词，违反广告法",
    tags: ["平台规则", "文案"],
    queries: ["极限词有哪些不能用", "广告法禁止的夸大说法", "极线词 广告法"],
  },
  { content: "一人食系列用俯拍加自然光，复刻率高", tags: ["美食"], queries: ["一人食怎么拍", "做饭内容用什么机位和光线", "一人时 俯拍"] },
  {
    content: "健身餐笔记写清热量和蛋白质克数更受欢迎",
    tags: ["健身"],
    queries: ["健身餐写什么数据", "减脂餐内容需要标注哪些营养信息", "健身参 热量 蛋白质"],
  },
  {
    content: "通勤穿搭按预算分档：300 元、500 元、1000 元",
    tags: ["穿搭"],
    queries: ["通勤穿搭怎么分档", "上班穿搭按价格怎么分类", "通勤穿达 预算"],
  },
  {
    content: "香水笔记用场景描述代替香调术语，新手更容易懂",
    tags: ["香水"],
    queries: ["香水笔记怎么写", "描述香味时别用太专业的词", "香水 场景描数"],
  },
  {
    content: "被否决：AI 生成的模特图，用户评论说不真实",
    tags: ["被否决", "视觉"],
    queries: ["能用AI生成模特图吗", "用户为什么不喜欢合成的人像", "AI生成模特 不真食"],
  },
  { content: "品牌口号：每天多爱自己一点", tags: ["品牌"], queries: ["品牌口号是什么", "我们的slogan", "品牌口好"] },
  {
    content: "上海咖啡探店地图按地铁线路整理，收藏很高",
    tags: ["探店", "咖啡"],
    queries: ["咖啡探店怎么整理", "咖啡店合集按什么分类", "咖啡探店 地铁线露"],
  },
  { content: "新品上市前两周每天发一篇预热笔记", tags: ["新品"], queries: ["新品预热怎么发", "产品上市前的发布节奏", "新品预熱 每天"] },
  {
    content: "回复评论用第一人称小鹿，语气像朋友",
    tags: ["品牌", "互动"],
    queries: ["回复评论用什么称呼", "回评论的时候自称什么", "回复评轮 小鹿"],
  },
  {
    content: "投放薯条选择收藏率高于 10% 的笔记",
    tags: ["投放"],
    queries: ["哪些笔记值得投薯条", "加热推广选什么样的内容", "投放薯条 收藏率"],
  },
  {
    content: "竞品小红书账号每周一更新一次数据表",
    tags: ["竞品"],
    queries: ["竞品数据多久更新", "对手账号数据什么时候整理", "竟品 数据表"],
  },
  {
    content: "Brand voice: warm, honest and playful; never sarcastic",
    tags: ["brand"],
    queries: ["what is our brand voice", "how should we sound when we write", "brand voise warm"],
  },
  {
    content: "Titles under 20 characters get more clicks on mobile",
    tags: ["titles"],
    queries: ["how long should titles be", "ideal headline length for phones", "titel length clicks"],
  },
  {
    content: "Audience: students and young professionals who cook alone",
    tags: ["audience"],
    queries: ["who is the audience for the kitchen account", "people we make recipes for", "audiance young professionals"],
  },
  {
    content: "Carousel posts with a price comparison table got three times more saves",
    tags: ["what worked"],
    queries: ["which posts got the most saves", "format that people bookmark the most", "carousle price comparison"],
  },
  {
    content: "Rejected: clickbait titles in all caps were turned down by the brand team",
    tags: ["rejected"],
    queries: ["are all caps titles allowed", "why was the shouty headline refused", "clickbait titels rejected"],
  },
  {
    content: "Never mention competitor brand names in captions",
    tags: ["rules"],
    queries: ["can we name competitors", "is it ok to reference rival brands in text", "competitor brand nmaes"],
  },
  {
    content: "Reply to every comment within two hours on launch day",
    tags: ["engagement"],
    queries: ["how fast to reply to comments", "response time for comments during a launch", "reply commments launch day"],
  },
  {
    content: "Use natural daylight for product photos; avoid ring lights",
    tags: ["photo"],
    queries: ["what lighting for product photos", "should we shoot with a ring light", "product photos daylihgt"],
  },
  {
    content: "Sunday evening posts perform best for recipe content",
    tags: ["timing"],
    queries: ["best time to post recipes", "when do cooking posts do well", "sunday evning recipes"],
  },
  {
    content: "Rejected: influencer giveaway because it attracted fake followers",
    tags: ["rejected"],
    queries: ["why did we stop giveaways", "problem with prize campaigns", "giveaway fake folowers"],
  },
  {
    content: "Hashtags: five to eight per post, biggest category first",
    tags: ["hashtags"],
    queries: ["how many hashtags per post", "ordering of topic tags", "hashtgas per post"],
  },
  {
    content: "Skincare claims must cite a test report or be removed",
    tags: ["compliance"],
    queries: ["skincare claims rules", "do we need evidence for product claims", "skincare claims tset report"],
  },
  {
    content: "Video hook: show the final result in the first three seconds",
    tags: ["video"],
    queries: ["how to start a video", "what should the opening shot show", "video hook first thre seconds"],
  },
  {
    content: "Budget perfume list sorted by scent family performed well",
    tags: ["what worked", "perfume"],
    queries: ["how to organise the perfume list", "fragrance roundup ordering that worked", "budget perfume scent famliy"],
  },
  {
    content: "Brand colours: cream white and haze blue with warm filters",
    tags: ["visual"],
    queries: ["what are the brand colours", "which palette and filter do we use", "brand colors haze blu"],
  },
  {
    content: "Collaboration rate card: 10k follower creators charge 800 to 1500 yuan",
    tags: ["partnerships"],
    queries: ["how much do creators with 10k followers charge", "price of a sponsored post from a small creator", "colaboration rate card"],
  },
  {
    content: "Do not put WeChat IDs or external links in the post body",
    tags: ["rules"],
    queries: ["can we add a wechat id in posts", "contact details in the caption allowed", "wechat id externel links"],
  },
  {
    content: "Pinned question in comments raised comment count by thirty percent",
    tags: ["engagement"],
    queries: ["how to get more comments", "trick that increased replies", "pinned questoin comments"],
  },
  {
    content: "Weekly live Q&A every Wednesday keeps followers coming back",
    tags: ["live"],
    queries: ["when is the live Q&A", "which weekday do we stream", "weekly live wendesday"],
  },
  {
    content: "Launch plan: one teaser post a day for two weeks before release",
    tags: ["launch"],
    queries: ["launch teaser plan", "posting cadence before a product release", "lanch teaser two weeks"],
  },
  {
    content: "Office outfit posts split by budget tiers get more saves",
    tags: ["fashion"],
    queries: ["office outfit post format", "how to structure workwear content", "ofice outfit budget tiers"],
  },
  {
    content: "Fitness meal posts should list calories and grams of protein",
    tags: ["fitness"],
    queries: ["what to include in fitness meal posts", "nutrition numbers for diet recipes", "fitness meal calries protein"],
  },
  {
    content: "Rejected: fear based copy like you will age faster does not fit the brand",
    tags: ["rejected", "copy"],
    queries: ["can we use fear based copy", "why anxiety marketing was refused", "fear basd copy aging"],
  },
  {
    content: "Coffee shop map organised by metro line got many bookmarks",
    tags: ["coffee"],
    queries: ["how was the coffee map organised", "cafe guide structure that people saved", "coffee shop map metro lnie"],
  },
  {
    content: "Avoid absolute words like best, number one, ultimate: advertising law",
    tags: ["compliance", "copy"],
    queries: ["which superlatives are banned", "advertising law forbidden words", "absolute wrods advertising law"],
  },
  {
    content: "Boost posts with a save rate above ten percent",
    tags: ["ads"],
    queries: ["which posts should we boost", "criteria for paid promotion", "boost posts save rte"],
  },
  {
    content: "Competitor dashboard is refreshed every Monday morning",
    tags: ["competitors"],
    queries: ["when is competitor data refreshed", "how often do we update rival stats", "competitor dashbaord monday"],
  },
  {
    content: "Sensitive skin readers care most about alcohol free and fragrance free formulas",
    tags: ["audience", "skincare"],
    queries: ["what do sensitive skin readers care about", "ingredients people with reactive skin avoid", "sensitve skin fragrance free"],
  },
  {
    content: "Reply to comments as Xiaolu in first person, like a friend",
    tags: ["brand", "engagement"],
    queries: ["what name do we reply as", "persona used in comment replies", "reply as xialu first person"],
  },
  {
    content: "Solo cooking series: top-down shots with natural light get the most remakes",
    tags: ["food"],
    queries: ["how to shoot the solo cooking series", "camera angle for recipe videos", "solo cooking top down shtos"],
  },
];

/** Unrelated team notes that compete for rank (so the task is not trivially small). */
export const memoryEvalDistractors: string[] = [
  ...["美妆", "穿搭", "探店", "美食", "健身", "香水", "护肤", "咖啡"].flatMap((topic, i) =>
    [1, 2, 3, 4, 5].map((n) => `${topic}账号第 ${n + i * 5} 期周报：发布 ${3 + n} 篇，粉丝增长 ${n * 37 + i} 人，数据已归档`),
  ),
  ...["beauty", "fashion", "travel", "food", "fitness", "perfume", "skincare", "coffee"].flatMap((topic, i) =>
    [1, 2, 3, 4, 5].map((n) => `Weekly ${topic} report ${n + i * 5}: ${3 + n} posts published, ${n * 37 + i} new followers, archived`),
  ),
];
