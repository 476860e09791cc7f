/**
 * Real province / city / district names for receivers, weighted roughly by online-shopping volume, so the demo's
 * regions, warehouse routing (nearest region first, then fall-backs) and the "address down to the district" mask
 * all look like production. Every one of the seven regions is covered, including the two without a warehouse.
 * One province per line: `province weight | city: districts… | city: districts…`.
 */
const TABLE = `
广东省 14 | 广州市: 天河区 越秀区 海珠区 白云区 番禺区 黄埔区 | 深圳市: 南山区 福田区 宝安区 龙岗区 罗湖区 龙华区 | 东莞市: 南城街道 东城街道 松山湖 | 佛山市: 禅城区 南海区 顺德区
江苏省 10 | 南京市: 鼓楼区 玄武区 建邺区 江宁区 秦淮区 | 苏州市: 姑苏区 工业园区 吴中区 相城区 | 无锡市: 梁溪区 滨湖区 新吴区
浙江省 10 | 杭州市: 西湖区 上城区 拱墅区 滨江区 余杭区 萧山区 | 宁波市: 海曙区 鄞州区 江北区 | 温州市: 鹿城区 瓯海区 龙湾区
上海市 8 | 上海市: 浦东新区 徐汇区 静安区 闵行区 杨浦区 长宁区
北京市 8 | 北京市: 朝阳区 海淀区 东城区 西城区 丰台区 通州区
山东省 7 | 济南市: 历下区 市中区 槐荫区 | 青岛市: 市南区 市北区 崂山区 黄岛区 | 烟台市: 芝罘区 莱山区
四川省 6 | 成都市: 武侯区 锦江区 青羊区 高新区 成华区 | 绵阳市: 涪城区 游仙区
湖北省 5 | 武汉市: 洪山区 武昌区 江汉区 江岸区 汉阳区 | 宜昌市: 西陵区 伍家岗区
河南省 5 | 郑州市: 金水区 二七区 中原区 郑东新区 | 洛阳市: 洛龙区 西工区
福建省 4 | 福州市: 鼓楼区 台江区 仓山区 | 厦门市: 思明区 湖里区 集美区
湖南省 4 | 长沙市: 岳麓区 芙蓉区 天心区 开福区 | 株洲市: 天元区 芦淞区
安徽省 3 | 合肥市: 蜀山区 包河区 庐阳区 瑶海区
天津市 3 | 天津市: 和平区 南开区 河西区 滨海新区
河北省 3 | 石家庄市: 长安区 桥西区 裕华区 | 保定市: 竞秀区 莲池区
重庆市 3 | 重庆市: 渝中区 江北区 南岸区 渝北区
陕西省 3 | 西安市: 雁塔区 碑林区 未央区 长安区
辽宁省 3 | 沈阳市: 和平区 沈河区 浑南区 | 大连市: 中山区 沙河口区 甘井子区
江西省 2 | 南昌市: 东湖区 西湖区 红谷滩区
广西壮族自治区 2 | 南宁市: 青秀区 兴宁区 西乡塘区
云南省 2 | 昆明市: 五华区 盘龙区 官渡区
贵州省 1 | 贵阳市: 南明区 云岩区 观山湖区
山西省 1 | 太原市: 小店区 迎泽区 杏花岭区
吉林省 1 | 长春市: 朝阳区 南关区 绿园区
黑龙江省 1 | 哈尔滨市: 南岗区 道里区 香坊区
海南省 1 | 海口市: 美兰区 龙华区
甘肃省 1 | 兰州市: 城关区 七里河区
内蒙古自治区 1 | 呼和浩特市: 新城区 赛罕区
新疆维吾尔自治区 1 | 乌鲁木齐市: 天山区 沙依巴克区
宁夏回族自治区 1 | 银川市: 兴庆区 金凤区`;

export interface Province {
  readonly name: string;
  readonly weight: number;
  readonly cities: readonly { readonly name: string; readonly districts: readonly string[] }[];
}

export const PROVINCES: readonly Province[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [head, ...cities] = line.split('|').map((part) => part.trim());
    const [name, weight] = head!.split(' ');
    return {
      name: name!,
      weight: Number(weight),
      cities: cities.map((city) => {
        const [cityName, districts] = city.split(':');
        return { name: cityName!.trim(), districts: districts!.trim().split(' ') };
      }),
    };
  });

/** Street names found in nearly every Chinese city. */
export const STREETS =
  `人民路 中山路 解放路 建设路 和平路 文化路 新华路 长江路 黄河路 青年路 学府路 科技路 金融街 友谊路
  滨江大道 光明路 朝阳路 体育路 胜利路 东风路`.split(/\s+/);

/** Residential compounds (小区) and office towers. */
export const COMPOUNDS =
  `阳光花园 锦绣华庭 翠湖苑 万科城 碧桂园 绿地世纪城 保利香槟国际 金地格林小镇 恒大名都 华润二十四城
  世纪花园 紫荆公寓 龙湖天街 融创壹号院 中海国际社区 幸福里`.split(/\s+/);
export const TOWERS = '国际金融中心 时代广场 科技园 创业大厦 环球中心 财富中心'.split(' ');
