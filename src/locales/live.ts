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
