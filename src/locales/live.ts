/** Live updates, connection and conflicts (zh-CN). */
export const zhLive = {
  offline: '连接已断开，正在重连…',
  conflict: {
    title: '数据已被他人修改',
    reload: '重新加载',
    keep: '暂不加载',
  },
  review: { pending: (n: number) => `待审核 ${n} 条` },
}

/** 首次启动：单机使用或连接单位服务器（桌面版）. */
export const zhConnect = {
  title: '选择使用方式',
  hint: '首次启动请选择督办台的使用方式，之后可在登录页更换。',
  local: {
    title: '单机使用',
    body: '数据保存在本机，适合一人使用或试用。',
    choose: '单机使用',
  },
  server: {
    title: '连接单位服务器',
    body: '全局各处室共用单位服务器上的数据，多人同时办理。',
    address: '服务器地址',
    placeholder: '例如 192.168.1.20:5180',
    probe: '读取证书',
    fingerprint: '证书指纹（SHA-256）',
    subject: '证书名称',
    validTo: '有效期至',
    check:
      '请与系统管理员核对以下指纹（管理员可在服务器启动信息或管理页面中看到）。核对一致后再连接；以后证书若有变化，督办台会拒绝连接并提醒。',
    confirm: '指纹一致，连接',
    acceptChanged: '已与管理员核对，改用新指纹',
    changed: '警告：该服务器的证书指纹与上次记录的不同，可能有人冒充服务器。请务必与系统管理员核对。',
    pinned: '上次记录的指纹',
  },
  back: '返回登录',
  connecting: '正在打开……',
  current: {
    local: '单机使用（数据在本机）',
    server: (url: string) => `单位服务器：${url}`,
    change: '更换',
    mismatch: '单位服务器出示的证书与记录的指纹不一致，已拒绝连接。请联系系统管理员。',
  },
}
