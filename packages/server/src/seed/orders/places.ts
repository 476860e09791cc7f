/**
 * Real province / city / district names for receivers, weighted roughly by online-shopping volume, so the demo's
 * regions, warehouse routing (nearest region first, then fall-backs) and the "address down to the district" mask
 * all look like production. Every one of the seven regions is covered, including the two without a warehouse.
 */
export interface Province {
  readonly name: string;
  readonly weight: number;
  readonly cities: readonly { readonly name: string; readonly districts: readonly string[] }[];
}

export const PROVINCES: readonly Province[] = [
  {
    name: '广东省',
    weight: 14,
    cities: [
      { name: '广州市', districts: ['天河区', '越秀区', '海珠区', '白云区', '番禺区', '黄埔区'] },
      { name: '深圳市', districts: ['南山区', '福田区', '宝安区', '龙岗区', '罗湖区', '龙华区'] },
      { name: '东莞市', districts: ['南城街道', '东城街道', '松山湖'] },
      { name: '佛山市', districts: ['禅城区', '南海区', '顺德区'] },
    ],
  },
  {
    name: '江苏省',
    weight: 10,
    cities: [
      { name: '南京市', districts: ['鼓楼区', '玄武区', '建邺区', '江宁区', '秦淮区'] },
      { name: '苏州市', districts: ['姑苏区', '工业园区', '吴中区', '相城区'] },
      { name: '无锡市', districts: ['梁溪区', '滨湖区', '新吴区'] },
    ],
  },
  {
    name: '浙江省',
    weight: 10,
    cities: [
      { name: '杭州市', districts: ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区', '萧山区'] },
      { name: '宁波市', districts: ['海曙区', '鄞州区', '江北区'] },
      { name: '温州市', districts: ['鹿城区', '瓯海区', '龙湾区'] },
    ],
  },
  {
    name: '上海市',
    weight: 8,
    cities: [{ name: '上海市', districts: ['浦东新区', '徐汇区', '静安区', '闵行区', '杨浦区', '长宁区'] }],
  },
  {
    name: '北京市',
    weight: 8,
    cities: [{ name: '北京市', districts: ['朝阳区', '海淀区', '东城区', '西城区', '丰台区', '通州区'] }],
  },
  {
    name: '山东省',
    weight: 7,
    cities: [
      { name: '济南市', districts: ['历下区', '市中区', '槐荫区'] },
      { name: '青岛市', districts: ['市南区', '市北区', '崂山区', '黄岛区'] },
      { name: '烟台市', districts: ['芝罘区', '莱山区'] },
    ],
  },
  {
    name: '四川省',
    weight: 6,
    cities: [
      { name: '成都市', districts: ['武侯区', '锦江区', '青羊区', '高新区', '成华区'] },
      { name: '绵阳市', districts: ['涪城区', '游仙区'] },
    ],
  },
  {
    name: '湖北省',
    weight: 5,
    cities: [
      { name: '武汉市', districts: ['洪山区', '武昌区', '江汉区', '江岸区', '汉阳区'] },
      { name: '宜昌市', districts: ['西陵区', '伍家岗区'] },
    ],
  },
  {
    name: '河南省',
    weight: 5,
    cities: [
      { name: '郑州市', districts: ['金水区', '二七区', '中原区', '郑东新区'] },
      { name: '洛阳市', districts: ['洛龙区', '西工区'] },
    ],
  },
  {
    name: '福建省',
    weight: 4,
    cities: [
      { name: '福州市', districts: ['鼓楼区', '台江区', '仓山区'] },
      { name: '厦门市', districts: ['思明区', '湖里区', '集美区'] },
    ],
  },
  {
    name: '湖南省',
    weight: 4,
    cities: [
      { name: '长沙市', districts: ['岳麓区', '芙蓉区', '天心区', '开福区'] },
      { name: '株洲市', districts: ['天元区', '芦淞区'] },
    ],
  },
  {
    name: '安徽省',
    weight: 3,
    cities: [{ name: '合肥市', districts: ['蜀山区', '包河区', '庐阳区', '瑶海区'] }],
  },
  {
    name: '天津市',
    weight: 3,
    cities: [{ name: '天津市', districts: ['和平区', '南开区', '河西区', '滨海新区'] }],
  },
  {
    name: '河北省',
    weight: 3,
    cities: [
      { name: '石家庄市', districts: ['长安区', '桥西区', '裕华区'] },
      { name: '保定市', districts: ['竞秀区', '莲池区'] },
    ],
  },
  {
    name: '重庆市',
    weight: 3,
    cities: [{ name: '重庆市', districts: ['渝中区', '江北区', '南岸区', '渝北区'] }],
  },
  {
    name: '陕西省',
    weight: 3,
    cities: [{ name: '西安市', districts: ['雁塔区', '碑林区', '未央区', '长安区'] }],
  },
  {
    name: '辽宁省',
    weight: 3,
    cities: [
      { name: '沈阳市', districts: ['和平区', '沈河区', '浑南区'] },
      { name: '大连市', districts: ['中山区', '沙河口区', '甘井子区'] },
    ],
  },
  { name: '江西省', weight: 2, cities: [{ name: '南昌市', districts: ['东湖区', '西湖区', '红谷滩区'] }] },
  {
    name: '广西壮族自治区',
    weight: 2,
    cities: [{ name: '南宁市', districts: ['青秀区', '兴宁区', '西乡塘区'] }],
  },
  { name: '云南省', weight: 2, cities: [{ name: '昆明市', districts: ['五华区', '盘龙区', '官渡区'] }] },
  { name: '贵州省', weight: 1, cities: [{ name: '贵阳市', districts: ['南明区', '云岩区', '观山湖区'] }] },
  { name: '山西省', weight: 1, cities: [{ name: '太原市', districts: ['小店区', '迎泽区', '杏花岭区'] }] },
  { name: '吉林省', weight: 1, cities: [{ name: '长春市', districts: ['朝阳区', '南关区', '绿园区'] }] },
  { name: '黑龙江省', weight: 1, cities: [{ name: '哈尔滨市', districts: ['南岗区', '道里区', '香坊区'] }] },
  { name: '海南省', weight: 1, cities: [{ name: '海口市', districts: ['美兰区', '龙华区'] }] },
  { name: '甘肃省', weight: 1, cities: [{ name: '兰州市', districts: ['城关区', '七里河区'] }] },
  { name: '内蒙古自治区', weight: 1, cities: [{ name: '呼和浩特市', districts: ['新城区', '赛罕区'] }] },
  {
    name: '新疆维吾尔自治区',
    weight: 1,
    cities: [{ name: '乌鲁木齐市', districts: ['天山区', '沙依巴克区'] }],
  },
  { name: '宁夏回族自治区', weight: 1, cities: [{ name: '银川市', districts: ['兴庆区', '金凤区'] }] },
];

/** Street names found in nearly every Chinese city. */
export const STREETS = [
  '人民路',
  '中山路',
  '解放路',
  '建设路',
  '和平路',
  '文化路',
  '新华路',
  '长江路',
  '黄河路',
  '青年路',
  '学府路',
  '科技路',
  '金融街',
  '友谊路',
  '滨江大道',
  '光明路',
  '朝阳路',
  '体育路',
  '胜利路',
  '东风路',
];

/** Residential compounds (小区) and office towers. */
export const COMPOUNDS = [
  '阳光花园',
  '锦绣华庭',
  '翠湖苑',
  '万科城',
  '碧桂园',
  '绿地世纪城',
  '保利香槟国际',
  '金地格林小镇',
  '恒大名都',
  '华润二十四城',
  '世纪花园',
  '紫荆公寓',
  '龙湖天街',
  '融创壹号院',
  '中海国际社区',
  '幸福里',
];
export const TOWERS = ['国际金融中心', '时代广场', '科技园', '创业大厦', '环球中心', '财富中心'];
