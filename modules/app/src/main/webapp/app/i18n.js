// Every string the user can see lives here, in Simplified Chinese (the default) and English.
// Keys are flat so that a missing translation is easy to grep for.

const LANG_KEY = 'ipop.lang';
export const LANGS = ['zh-CN', 'en'];

const messages = {
  'zh-CN': {
    'app.title': '知识产权运营平台 IPOP',
    'app.name': '知识产权运营平台',
    'app.short': 'IPOP',
    'lang.switchTo': 'English',
    'lang.switchTitle': '切换到英文界面',
    'list.separator': '、',
    'label.suffix': '：',

    'auth.login': '登录',
    'auth.logout': '退出登录',
    'auth.configFailed': '无法加载平台配置，暂时无法登录。',
    'auth.unavailable': '登录服务暂不可用，请稍后再试。',
    'auth.loginFailed': '登录未完成',
    'auth.expired': '登录已过期，请重新登录。',

    'header.user': '当前用户',
    'header.roles': '角色',
    'header.tenant': '当前运营中心',
    'header.session': '账号信息',

    'picker.label': '选择运营中心',
    'picker.placeholder': '请选择运营中心…',
    'picker.prompt.title': '请选择运营中心',
    'picker.prompt.text': '您的账号属于多个运营中心。请在页面顶部的“选择运营中心”中选择本次要进入的运营中心。',
    'tenant.none.title': '尚未加入运营中心',
    'tenant.none.text': '您的账号尚未加入任何运营中心，请联系运营中心管理员为您开通。',

    'role.platform-admin': '平台管理员',
    'role.tenant-admin': '租户管理员',
    'role.operator': '运营人员',
    'role.tto': '高校技术转移机构',
    'role.enterprise': '企业用户',
    'role.investor': '投资/金融机构',
    'role.alliance-admin': '联盟管理员',
    'role.citizen': '公众用户',
    'role.none.title': '账号尚未分配角色',
    'role.none.text': '您的账号尚未分配平台角色，请联系所在运营中心的管理员。',

    'kind.regional': '区域知识产权运营中心',
    'kind.industry': '产业知识产权运营中心',
    'kind.alliance': '产业知识产权联盟',

    'module.resource-library': '专利资源库',
    'module.matching': '匹配推送',
    'module.connections': '对接与反馈',
    'module.open-licensing': '专利开放许可',
    'module.transactions': '转让与许可',
    'module.roadshows': '路演推介',
    'module.patent-pools': '专利池',
    'module.finance': '质押融资',
    'module.intensive-products': '专利密集型产品备案',
    'module.statistics': '统计监测',

    'state.loading': '加载中…',
    'state.empty': '暂无数据',
    'action.retry': '重试',
    'action.dismiss': '关闭',

    'error.network': '无法连接服务器，请检查网络后重试。',
    'error.badResponse': '服务器返回了无法识别的响应。',
    'error.status.400': '提交的内容有误',
    'error.status.401': '登录已失效',
    'error.status.403': '没有权限执行此操作',
    'error.status.404': '未找到请求的内容',
    'error.status.409': '与现有数据冲突',
    'error.status.422': '提交的内容有误',
    'error.status.5xx': '服务器暂时出现问题，请稍后再试',
    'error.status.other': '操作失败',
    'error.fixFields': '请按提示修改标出的字段。',
    'error.me': '无法加载您的账号信息',

    'public.heading': '连接全国知识产权运营中心',
    'public.intro': '知识产权运营平台（IPOP）连接各地区、各产业的知识产权运营中心与产业知识产权联盟：帮助高校院所盘点存量专利，按产业细分领域向企业精准匹配推送，并支撑对接反馈、开放许可、转让交易、路演推介和质押融资等运营服务。',
    'public.loginPrompt': '运营中心工作人员、高校技术转移机构、企业和投资/金融机构请登录后使用。',
    'network.title': '运营中心网络',
    'network.region': '所在地区',

    'citizen.heading': '知识产权运营中心网络',
    'citizen.intro': '以下是接入本平台的知识产权运营中心与产业知识产权联盟，可就专利转化、许可与交易事宜与其联系。',

    'profile.title': '运营中心概况',
    'profile.id': '标识',
    'profile.kind': '类型',
    'profile.region': '所在地区',
    'profile.focusIndustries': '重点产业',
    'profile.enabledModules': '已开通功能',
    'profile.contact': '联系人',
    'profile.branding': '品牌主色',
    'profile.notSet': '未设置',

    'profileForm.title': '编辑联系信息与品牌',
    'profileForm.contactLegend': '联系人',
    'profileForm.brandingLegend': '品牌',
    'profileForm.save': '保存',
    'profileForm.saving': '正在保存…',
    'profileForm.saved': '已保存运营中心资料。',

    'field.contact.name': '联系人姓名',
    'field.contact.email': '联系邮箱',
    'field.contact.phone': '联系电话',
    'field.branding.primaryColor': '品牌主色',
    'field.branding.primaryColor.help': '格式为 #RRGGBB，例如 #b22222；用于页面顶栏和主要按钮。',

    'audit.title': '最近操作记录',
    'audit.at': '时间',
    'audit.actor': '操作人',
    'audit.action': '操作',
    'audit.subject': '对象',
    'audit.detail': '详情',
    'audit.action.tenant.profile.updated': '更新运营中心资料',
    'audit.action.tenant.registered': '创建运营中心',
    'audit.action.tenant.provisioned': '开通统一身份认证（组织与管理员）',

    'admin.heading': '平台管理',
    'tenants.title': '租户（运营中心）',
    'tenants.id': '标识',
    'tenants.name': '名称',
    'tenants.kind': '类型',
    'tenants.region': '地区',
    'tenants.modules': '已开通功能',
    'tenants.contact': '联系人',

    'create.title': '新建租户',
    'create.intro': '新建一个运营中心或产业联盟，并为其创建首个租户管理员账号。',
    'create.basicsLegend': '基本信息',
    'create.modulesLegend': '开通功能',
    'create.contactLegend': '联系人',
    'create.brandingLegend': '品牌',
    'create.adminLegend': '首个租户管理员',
    'create.submit': '创建租户',
    'create.submitting': '正在创建…',
    'field.id': '租户标识',
    'field.id.help': '小写字母、数字和连字符，以字母开头，2–40 个字符；创建后不可修改。',
    'field.names.zh': '中文名称',
    'field.names.en': '英文名称',
    'field.kind': '类型',
    'field.regionCode': '行政区划代码',
    'field.regionCode.help': '6 位行政区划代码，例如 420000（湖北省）。',
    'field.focusIndustries': '重点产业代码',
    'field.focusIndustries.help': '《战略性新兴产业分类（2021）》代码，多个代码用逗号分隔，例如 6.4。',
    'field.administrator.username': '用户名',
    'field.administrator.email': '电子邮箱',
    'field.administrator.name': '姓名',
    'field.submittedValue': '（提交的值：{value}）',

    'created.title': '已创建租户“{name}”',
    'created.admin': '租户管理员账号：{username}',
    'created.passwordLabel': '临时密码',
    'created.warning': '此临时密码只显示这一次，关闭后无法再次查看。请通过安全渠道（当面或加密通讯）交给管理员本人，不要通过普通邮件或聊天群发送；管理员首次登录时需设置新密码。',
    'created.noPassword': '服务器没有返回临时密码，请在身份认证系统中为管理员设置密码。',
    'created.copy': '复制密码',
    'created.copied': '已复制',
    'created.dismiss': '我已妥善保存，关闭',

    'landing.tto.heading': '高校技术转移机构工作台',
    'landing.tto.intro': '作为高校技术转移机构，您将在平台上：',
    'landing.tto.task1': '盘点并上传本单位的存量专利；',
    'landing.tto.task2': '对专利开展转化价值自评；',
    'landing.tto.task3': '响应企业提出的技术需求与对接请求。',
    'landing.enterprise.heading': '企业工作台',
    'landing.enterprise.intro': '作为企业用户，您将在平台上：',
    'landing.enterprise.task1': '维护企业画像（所属产业、技术需求）；',
    'landing.enterprise.task2': '接收运营中心按产业领域匹配推送的专利；',
    'landing.enterprise.task3': '对推送结果进行反馈，提出对接意向。',
    'landing.investor.heading': '投资/金融机构工作台',
    'landing.investor.intro': '作为投资/金融机构，您将在平台上：',
    'landing.investor.task1': '参加运营中心组织的路演推介，了解可交易专利项目；',
    'landing.investor.task2': '开展知识产权质押融资。',
    'landing.comingSoon': '以上功能将随平台模块陆续开放，开放后会出现在本页面。',
    'landing.yourCentre': '您所在的运营中心',
  },

  en: {
    'app.title': 'IPOP — IP Operation Platform',
    'app.name': 'IP Operation Platform',
    'app.short': 'IPOP',
    'lang.switchTo': '中文',
    'lang.switchTitle': 'Switch to Chinese',
    'list.separator': ', ',
    'label.suffix': ': ',

    'auth.login': 'Sign in',
    'auth.logout': 'Sign out',
    'auth.configFailed': 'The platform configuration could not be loaded, so signing in is not possible right now.',
    'auth.unavailable': 'The sign-in service is unavailable. Please try again later.',
    'auth.loginFailed': 'Sign-in was not completed',
    'auth.expired': 'Your session has expired. Please sign in again.',

    'header.user': 'Signed in as',
    'header.roles': 'Roles',
    'header.tenant': 'Operation centre',
    'header.session': 'Account',

    'picker.label': 'Choose operation centre',
    'picker.placeholder': 'Choose an operation centre…',
    'picker.prompt.title': 'Choose an operation centre',
    'picker.prompt.text': 'Your account belongs to several operation centres. Use “Choose operation centre” at the top of the page to pick the one you want to work in.',
    'tenant.none.title': 'Not a member of any operation centre',
    'tenant.none.text': 'Your account does not belong to any operation centre yet. Please ask an operation centre administrator to add you.',

    'role.platform-admin': 'Platform administrator',
    'role.tenant-admin': 'Tenant administrator',
    'role.operator': 'Operator',
    'role.tto': 'University technology transfer office',
    'role.enterprise': 'Enterprise',
    'role.investor': 'Investor / financial institution',
    'role.alliance-admin': 'Alliance administrator',
    'role.citizen': 'Member of the public',
    'role.none.title': 'No role assigned',
    'role.none.text': 'Your account has no platform role yet. Please contact the administrator of your operation centre.',

    'kind.regional': 'Regional IP operation centre',
    'kind.industry': 'Industry IP operation centre',
    'kind.alliance': 'Industry IP alliance',

    'module.resource-library': 'Patent resource library',
    'module.matching': 'Matching and push',
    'module.connections': 'Connections and feedback',
    'module.open-licensing': 'Open licensing',
    'module.transactions': 'Transfers and licences',
    'module.roadshows': 'Roadshows',
    'module.patent-pools': 'Patent pools',
    'module.finance': 'IP-backed financing',
    'module.intensive-products': 'Patent-intensive products',
    'module.statistics': 'Statistics and monitoring',

    'state.loading': 'Loading…',
    'state.empty': 'No data yet',
    'action.retry': 'Retry',
    'action.dismiss': 'Close',

    'error.network': 'The server cannot be reached. Please check your connection and try again.',
    'error.badResponse': 'The server sent a response that could not be understood.',
    'error.status.400': 'The request contains errors',
    'error.status.401': 'Your session is no longer valid',
    'error.status.403': 'You are not allowed to do this',
    'error.status.404': 'Not found',
    'error.status.409': 'This conflicts with existing data',
    'error.status.422': 'The request contains errors',
    'error.status.5xx': 'The server ran into a problem. Please try again later',
    'error.status.other': 'The operation failed',
    'error.fixFields': 'Please correct the highlighted fields.',
    'error.me': 'Your account details could not be loaded',

    'public.heading': 'Connecting China’s IP operation centres',
    'public.intro': 'The IP Operation Platform (IPOP) connects regional and industry IP operation centres and industry IP alliances. It helps universities and research institutes take stock of their patents, matches them to enterprises by industry segment, and supports follow-up, open licensing, transfers, roadshows and IP-backed financing.',
    'public.loginPrompt': 'Operation centre staff, university technology transfer offices, enterprises and investors: please sign in.',
    'network.title': 'The operation centre network',
    'network.region': 'Region',

    'citizen.heading': 'The IP operation centre network',
    'citizen.intro': 'These operation centres and industry IP alliances take part in the platform. Contact them about patent commercialisation, licensing and transactions.',

    'profile.title': 'Operation centre profile',
    'profile.id': 'Identifier',
    'profile.kind': 'Kind',
    'profile.region': 'Region',
    'profile.focusIndustries': 'Focus industries',
    'profile.enabledModules': 'Enabled modules',
    'profile.contact': 'Contact',
    'profile.branding': 'Brand colour',
    'profile.notSet': 'Not set',

    'profileForm.title': 'Edit contact and branding',
    'profileForm.contactLegend': 'Contact',
    'profileForm.brandingLegend': 'Branding',
    'profileForm.save': 'Save',
    'profileForm.saving': 'Saving…',
    'profileForm.saved': 'The operation centre profile has been saved.',

    'field.contact.name': 'Contact name',
    'field.contact.email': 'Contact email',
    'field.contact.phone': 'Contact phone',
    'field.branding.primaryColor': 'Brand colour',
    'field.branding.primaryColor.help': 'Format #RRGGBB, e.g. #b22222; used for the page header and main buttons.',

    'audit.title': 'Recent activity',
    'audit.at': 'Time',
    'audit.actor': 'By',
    'audit.action': 'Action',
    'audit.subject': 'Subject',
    'audit.detail': 'Details',
    'audit.action.tenant.profile.updated': 'Updated the operation centre profile',
    'audit.action.tenant.registered': 'Created the operation centre',
    'audit.action.tenant.provisioned': 'Provisioned the identity organization and administrator',

    'admin.heading': 'Platform administration',
    'tenants.title': 'Tenants (operation centres)',
    'tenants.id': 'Identifier',
    'tenants.name': 'Name',
    'tenants.kind': 'Kind',
    'tenants.region': 'Region',
    'tenants.modules': 'Enabled modules',
    'tenants.contact': 'Contact',

    'create.title': 'Create a tenant',
    'create.intro': 'Create an operation centre or industry alliance together with its first tenant administrator account.',
    'create.basicsLegend': 'Basics',
    'create.modulesLegend': 'Enabled modules',
    'create.contactLegend': 'Contact',
    'create.brandingLegend': 'Branding',
    'create.adminLegend': 'First tenant administrator',
    'create.submit': 'Create tenant',
    'create.submitting': 'Creating…',
    'field.id': 'Tenant identifier',
    'field.id.help': 'Lower-case letters, digits and hyphens, starting with a letter, 2–40 characters. It cannot be changed later.',
    'field.names.zh': 'Chinese name',
    'field.names.en': 'English name',
    'field.kind': 'Kind',
    'field.regionCode': 'Administrative region code',
    'field.regionCode.help': 'Six-digit administrative division code, e.g. 420000 (Hubei).',
    'field.focusIndustries': 'Focus industry codes',
    'field.focusIndustries.help': 'Codes from the 2021 strategic emerging industries classification, separated by commas, e.g. 6.4.',
    'field.administrator.username': 'Username',
    'field.administrator.email': 'Email',
    'field.administrator.name': 'Name',
    'field.submittedValue': ' (submitted value: {value})',

    'created.title': 'Tenant “{name}” has been created',
    'created.admin': 'Tenant administrator account: {username}',
    'created.passwordLabel': 'Temporary password',
    'created.warning': 'This temporary password is shown only once and cannot be displayed again after you close this notice. Hand it to the administrator in person or over an encrypted channel — never by ordinary email or group chat. The administrator must set a new password at first sign-in.',
    'created.noPassword': 'The server did not return a temporary password. Please set the administrator’s password in the identity service.',
    'created.copy': 'Copy password',
    'created.copied': 'Copied',
    'created.dismiss': 'I have stored it safely — close',

    'landing.tto.heading': 'Technology transfer office workspace',
    'landing.tto.intro': 'As a university technology transfer office, you will use the platform to:',
    'landing.tto.task1': 'take stock of and upload your institution’s existing patents;',
    'landing.tto.task2': 'self-assess the commercial potential of those patents;',
    'landing.tto.task3': 'respond to technology needs and connection requests from enterprises.',
    'landing.enterprise.heading': 'Enterprise workspace',
    'landing.enterprise.intro': 'As an enterprise, you will use the platform to:',
    'landing.enterprise.task1': 'keep your company profile (industries, technology needs) up to date;',
    'landing.enterprise.task2': 'receive patents matched to your industry by the operation centre;',
    'landing.enterprise.task3': 'give feedback on what you receive and ask for connections.',
    'landing.investor.heading': 'Investor workspace',
    'landing.investor.intro': 'As an investor or financial institution, you will use the platform to:',
    'landing.investor.task1': 'attend roadshows organised by operation centres and find patents available for transactions;',
    'landing.investor.task2': 'arrange IP-backed (patent pledge) financing.',
    'landing.comingSoon': 'These functions will open step by step as the platform’s modules are released, and will then appear on this page.',
    'landing.yourCentre': 'Your operation centre',
  },
};

function stored() {
  // Storage can throw (disabled cookies, some private modes); the default language is then used.
  try { return localStorage.getItem(LANG_KEY); } catch { return null; }
}

let current = LANGS.includes(stored()) ? stored() : 'zh-CN';

export function getLang() {
  return current;
}

export function setLang(lang) {
  if (!LANGS.includes(lang)) return;
  current = lang;
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* the choice then lasts for this page only */ }
}

export function otherLang() {
  return current === 'zh-CN' ? 'en' : 'zh-CN';
}

export function has(key) {
  return key in messages[current];
}

/** The message for key in the current language; {name} placeholders are filled from params. */
export function t(key, params = {}) {
  const text = messages[current][key] ?? messages['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A tenant's (or anything with {zh, en} names') name in the current language, falling back to the other one. */
export function localName(names, fallback = '') {
  if (!names) return fallback;
  const preferred = current === 'en' ? names.en : names.zh;
  return preferred || names.zh || names.en || fallback;
}
