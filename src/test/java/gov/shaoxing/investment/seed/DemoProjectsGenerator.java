package gov.shaoxing.investment.seed;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic generator of the DEMO project set ({@code seed/demo-projects.json}).
 *
 * <p>
 * The 2012 plan (绍政办发〔2012〕43号) only gives per-district targets; it names no individual
 * projects, enterprises or people. This class invents a project list that is consistent
 * with those targets:
 * <ul>
 * <li>INDUSTRIAL: one project per "5亿元以上" project of attachment 1, so that per district
 * the number of projects with total investment &ge; 5 / 10 / 20 亿元 equals the
 * attachment's 5亿+ / 10亿+ / 20亿+ columns, and city-wide exactly
 * {@code INDUSTRIAL_PROJECTS_OVER_5B} (2) projects reach 50亿元;</li>
 * <li>SERVICE: per district the count and the exact sum of 2012 planned investment of
 * attachment 2;</li>
 * <li>AGRICULTURAL: per district the count and the exact sum of 2012 planned investment
 * of attachment 3.</li>
 * </ul>
 * Everything else (names, enterprises, officials, phones, e-mails, coordinates, dates,
 * codes) is invented.
 *
 * <p>
 * Determinism: only {@link Random} with fixed seeds derived from {@link #SEED},
 * {@link StrictMath}, integer and {@link BigDecimal} arithmetic, explicit
 * {@link Locale#ROOT} formatting and insertion-ordered collections are used; no clock,
 * time zone, default locale or hash-iteration order is involved. Output uses "\n" line
 * ends and a trailing newline, so {@link #generate(JsonNode)} reproduces the committed
 * file byte for byte.
 *
 * <p>
 * Run:
 * {@code java DemoProjectsGenerator [out=seed/demo-projects.json] [plan=seed/plan-2012.json]}.
 */
public final class DemoProjectsGenerator {

	/** The random seed (the plan's issue date). Sub-streams use {@code SEED + k}. */
	public static final long SEED = 20120329L;

	public static final String DEFAULT_OUTPUT = "seed/demo-projects.json";

	public static final String DEFAULT_PLAN = "seed/plan-2012.json";

	public static final String GENERATOR_PATH = "src/test/java/gov/shaoxing/investment/seed/DemoProjectsGenerator.java";

	public static final String NOTICE = "演示数据 DEMO DATA: the plan names no individual projects or people; every project, "
			+ "enterprise, person, phone number and e-mail here is invented, generated deterministically by "
			+ "DemoProjectsGenerator.";

	private static final String DEMO = "(演示)";

	private static final String CITY_LEADER_DEPT = "SZF";

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
		Path planPath = Path.of(args.length > 1 ? args[1] : DEFAULT_PLAN);
		JsonNode plan = mapper().readTree(Files.readString(planPath, StandardCharsets.UTF_8));
		String json = generate(plan);
		Path parent = out.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(out, json, StandardCharsets.UTF_8);
	}

	/**
	 * Generates the demo data set for the given plan (the parsed
	 * {@code seed/plan-2012.json}) as JSON text.
	 */
	public static String generate(JsonNode plan) {
		return new DemoProjectsGenerator(plan).run();
	}

	// ------------------------------------------------------------------------------------------------------------
	// Plan access

	private record District(String code, String name) {
	}

	private record Official(String id, String name, String title, String departmentCode, String officePhone,
			String mobile, String email, boolean cityLeader) {
	}

	/** A manufactured product line for industrial project names. */
	private record Product(String name, String unit, int[] quantities, String enterpriseWord, String industry) {
	}

	/** A service-sector facility for service project names. */
	private record Facility(String name, String industry, String enterpriseWord, boolean commerce, boolean generic) {
	}

	/** An agricultural undertaking for agricultural project names. */
	private record Farm(String product, String[] facilities, String industry, String enterpriseWord) {
	}

	private static final class Project {

		String code;

		String category;

		String name;

		String districtCode;

		String leadDepartmentCode;

		List<String> coDepartmentCodes = new ArrayList<>();

		String ownerEnterprise;

		long totalHundredths;

		long plannedHundredths;

		boolean strategicEmerging;

		boolean techUpgradePlan;

		String status;

		LocalDate plannedStart;

		LocalDate plannedFinish;

		long latitudeMicro;

		long longitudeMicro;

		String town;

		String address;

		String nationalCode;

		String cityLeaderId;

		String cadreId;

	}

	private final JsonNode plan;

	private final List<District> districts = new ArrayList<>();

	private final List<String> departmentCodes = new ArrayList<>();

	private final Map<String, String> departmentNames = new LinkedHashMap<>();

	private final List<Official> officials = new ArrayList<>();

	private final Map<String, List<Official>> officialsByDept = new LinkedHashMap<>();

	private final List<Project> projects = new ArrayList<>();

	private final Set<String> usedProjectNames = new HashSet<>();

	private final Set<String> usedEnterprises = new HashSet<>();

	private final Set<String> usedNationalCodes = new HashSet<>();

	private final Set<String> usedPersonNames = new HashSet<>();

	private final Set<String> usedEmails = new HashSet<>();

	private final Set<String> usedPhones = new HashSet<>();

	private DemoProjectsGenerator(JsonNode plan) {
		this.plan = plan;
		for (JsonNode d : plan.path("districts").values()) {
			districts.add(new District(d.path("code").asString(), d.path("name").asString()));
		}
		for (JsonNode d : plan.path("departments").values()) {
			departmentCodes.add(d.path("code").asString());
			departmentNames.put(d.path("code").asString(), d.path("name").asString());
		}
		require(!districts.isEmpty(), "plan has no districts");
		require(departmentNames.containsKey(CITY_LEADER_DEPT), "plan has no department " + CITY_LEADER_DEPT);
	}

	/**
	 * Per-district values (insertion order irrelevant, used for look-up only) of a
	 * "guaranteed" column.
	 */
	private Map<String, BigDecimal> column(String indicator) {
		for (JsonNode attachment : plan.path("attachments").values()) {
			JsonNode columns = attachment.path("columns");
			for (int i = 0; i < columns.size(); i++) {
				JsonNode c = columns.get(i);
				if (indicator.equals(c.path("indicator").asString())
						&& "guaranteed".equals(c.path("value").asString())) {
					Map<String, BigDecimal> values = new LinkedHashMap<>();
					for (Map.Entry<String, JsonNode> row : attachment.path("rows").properties()) {
						values.put(row.getKey(), new BigDecimal(row.getValue().get(i).asString()));
					}
					BigDecimal sum = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
					BigDecimal total = new BigDecimal(attachment.path("total").get(i).asString());
					require(sum.compareTo(total) == 0, indicator + ": rows sum " + sum + " != total " + total);
					return values;
				}
			}
		}
		throw new IllegalStateException("plan has no column " + indicator);
	}

	private int cityTarget(String indicator) {
		for (JsonNode t : plan.path("cityTargets").values()) {
			if (indicator.equals(t.path("indicator").asString())) {
				return Integer.parseInt(t.path("guaranteed").asString());
			}
		}
		throw new IllegalStateException("plan has no city target " + indicator);
	}

	private static int count(Map<String, BigDecimal> column, String district) {
		BigDecimal v = column.get(district);
		return v == null ? 0 : v.intValueExact();
	}

	private static long hundredths(Map<String, BigDecimal> column, String district) {
		BigDecimal v = column.get(district);
		return v == null ? 0 : v.movePointRight(2).longValueExact();
	}

	// ------------------------------------------------------------------------------------------------------------
	// Driver

	private String run() {
		generateOfficials(new Random(SEED));
		generateIndustrial(new Random(SEED + 1));
		generateService(new Random(SEED + 2));
		generateAgricultural(new Random(SEED + 3));
		verify();
		return toJson();
	}

	// ------------------------------------------------------------------------------------------------------------
	// Officials

	private static final String[][] SURNAMES = { { "王", "wang" }, { "陈", "chen" }, { "张", "zhang" }, { "李", "li" },
			{ "周", "zhou" }, { "金", "jin" }, { "徐", "xu" }, { "沈", "shen" }, { "孙", "sun" }, { "钱", "qian" },
			{ "俞", "yu" }, { "何", "he" }, { "胡", "hu" }, { "吴", "wu" }, { "章", "zhang" }, { "杨", "yang" },
			{ "朱", "zhu" }, { "宋", "song" }, { "董", "dong" }, { "陶", "tao" }, { "邵", "shao" }, { "傅", "fu" },
			{ "鲁", "lu" }, { "倪", "ni" }, { "骆", "luo" }, { "寿", "shou" }, { "楼", "lou" }, { "马", "ma" },
			{ "蒋", "jiang" }, { "冯", "feng" }, { "丁", "ding" }, { "叶", "ye" }, { "郑", "zheng" }, { "潘", "pan" },
			{ "姚", "yao" }, { "赵", "zhao" }, { "黄", "huang" }, { "袁", "yuan" }, { "施", "shi" }, { "魏", "wei" },
			{ "方", "fang" }, { "谢", "xie" }, { "屠", "tu" }, { "应", "ying" }, { "裘", "qiu" }, { "钟", "zhong" } };

	private static final String[][] GIVEN = { { "建", "jian" }, { "国", "guo" }, { "伟", "wei" }, { "明", "ming" },
			{ "华", "hua" }, { "军", "jun" }, { "平", "ping" }, { "勇", "yong" }, { "强", "qiang" }, { "海", "hai" },
			{ "峰", "feng" }, { "涛", "tao" }, { "斌", "bin" }, { "杰", "jie" }, { "林", "lin" }, { "芳", "fang" },
			{ "敏", "min" }, { "丽", "li" }, { "燕", "yan" }, { "静", "jing" }, { "红", "hong" }, { "霞", "xia" },
			{ "萍", "ping" }, { "婷", "ting" }, { "洁", "jie" }, { "文", "wen" }, { "立", "li" }, { "新", "xin" },
			{ "志", "zhi" }, { "德", "de" }, { "荣", "rong" }, { "春", "chun" }, { "晓", "xiao" }, { "亮", "liang" },
			{ "宏", "hong" }, { "振", "zhen" }, { "江", "jiang" }, { "云", "yun" }, { "辉", "hui" }, { "琳", "lin" },
			{ "慧", "hui" }, { "颖", "ying" }, { "俊", "jun" }, { "浩", "hao" }, { "鸣", "ming" }, { "东", "dong" },
			{ "毅", "yi" }, { "刚", "gang" }, { "卫", "wei" }, { "忠", "zhong" }, { "跃", "yue" }, { "剑", "jian" },
			{ "鹏", "peng" }, { "凯", "kai" }, { "波", "bo" }, { "炜", "wei" }, { "晨", "chen" }, { "倩", "qian" },
			{ "蕾", "lei" }, { "佳", "jia" } };

	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "153", "157", "158", "159", "186", "187", "188", "189" };

	private static final String[] OFFICE_SECOND_DIGITS = { "1", "2", "5", "7", "8" };

	private static final String[] CITY_LEADER_TITLES = { "市长", "常务副市长", "副市长", "副市长", "副市长", "副市长" };

	/** Departments that lead many projects get three cadres. */
	private static final List<String> BUSY_DEPARTMENTS = List.of("JXW", "FGW", "NYJ");

	private void generateOfficials(Random r) {
		for (int i = 0; i < CITY_LEADER_TITLES.length; i++) {
			addOfficial(r, CITY_LEADER_DEPT, i + 1, CITY_LEADER_TITLES[i], true);
		}
		for (String dept : departmentCodes) {
			if (dept.equals(CITY_LEADER_DEPT)) {
				continue;
			}
			int n = BUSY_DEPARTMENTS.contains(dept) ? 3 : 2 + r.nextInt(2);
			String[] titles = cadreTitles(departmentNames.get(dept));
			for (int k = 0; k < n; k++) {
				addOfficial(r, dept, k + 1, titles[k], false);
			}
		}
	}

	private static String[] cadreTitles(String departmentName) {
		if (departmentName.endsWith("委")) {
			return new String[] { "副主任", "处长", "副处长" };
		}
		if (departmentName.endsWith("局")) {
			return new String[] { "副局长", "科长", "副科长" };
		}
		if (departmentName.endsWith("行")) {
			return new String[] { "副行长", "科长", "副科长" };
		}
		return new String[] { "副主任", "科长", "副科长" };
	}

	private void addOfficial(Random r, String dept, int seq, String title, boolean cityLeader) {
		String name;
		String pinyin;
		do {
			String[] s = pick(r, SURNAMES);
			String[] g1 = pick(r, GIVEN);
			if (r.nextInt(10) < 7) {
				String[] g2 = pick(r, GIVEN);
				name = s[0] + g1[0] + g2[0];
				pinyin = s[1] + g1[1] + g2[1];
			}
			else {
				name = s[0] + g1[0];
				pinyin = s[1] + g1[1];
			}
		}
		while (name.length() == 3 && name.charAt(1) == name.charAt(2) || !usedPersonNames.add(name));
		String email = pinyin + "@demo.invalid";
		for (int k = 2; !usedEmails.add(email); k++) {
			email = pinyin + k + "@demo.invalid";
		}
		String office;
		do {
			office = "0575-8" + pick(r, OFFICE_SECOND_DIGITS) + fmt("%06d", r.nextInt(1_000_000));
		}
		while (!usedPhones.add(office));
		String mobile;
		do {
			mobile = pick(r, MOBILE_PREFIXES) + fmt("%08d", r.nextInt(100_000_000));
		}
		while (!usedPhones.add(mobile));
		Official o = new Official(fmt("OFF-%s-%02d", dept, seq), name, title, dept, office, mobile, email, cityLeader);
		officials.add(o);
		officialsByDept.computeIfAbsent(dept, k -> new ArrayList<>()).add(o);
	}

	private String cityLeader(int seq) {
		return fmt("OFF-%s-%02d", CITY_LEADER_DEPT, seq);
	}

	private String cadre(Random r, String dept) {
		List<Official> cadres = officialsByDept.get(dept);
		require(cadres != null && !cadres.isEmpty(), "no cadres for " + dept);
		return cadres.get(r.nextInt(cadres.size())).id();
	}

	// ------------------------------------------------------------------------------------------------------------
	// Geography

	private static String shortName(String district) {
		return switch (district) {
			case "SX_COUNTY" -> "绍兴县";
			case "ZHUJI" -> "诸暨";
			case "SHANGYU" -> "上虞";
			case "SHENGZHOU" -> "嵊州";
			case "XINCHANG" -> "新昌";
			case "YUECHENG" -> "越城";
			case "HIGH_TECH_ZONE" -> "高新区";
			case "PAOJIANG" -> "袍江";
			case "JINGHU" -> "镜湖";
			case "BINHAI" -> "滨海";
			case "CITY_DIRECT" -> "绍兴市";
			default -> throw new IllegalStateException("unknown district " + district);
		};
	}

	/** Place prefix for enterprise names registered in the district. */
	private static String enterprisePlace(String district) {
		return switch (district) {
			case "ZHUJI" -> "诸暨";
			case "SHANGYU" -> "上虞";
			case "SHENGZHOU" -> "嵊州";
			case "XINCHANG" -> "新昌";
			default -> "绍兴";
		};
	}

	/** Approximate centre, in micro-degrees {latitude, longitude}. */
	private static long[] centre(String district) {
		return switch (district) {
			case "SX_COUNTY" -> new long[] { 30_080_000, 120_490_000 };
			case "ZHUJI" -> new long[] { 29_710_000, 120_240_000 };
			case "SHANGYU" -> new long[] { 30_030_000, 120_870_000 };
			case "SHENGZHOU" -> new long[] { 29_590_000, 120_820_000 };
			case "XINCHANG" -> new long[] { 29_500_000, 120_900_000 };
			case "YUECHENG" -> new long[] { 30_000_000, 120_580_000 };
			case "HIGH_TECH_ZONE" -> new long[] { 30_020_000, 120_610_000 };
			case "PAOJIANG" -> new long[] { 30_070_000, 120_630_000 };
			case "JINGHU" -> new long[] { 30_030_000, 120_530_000 };
			case "BINHAI" -> new long[] { 30_200_000, 120_720_000 };
			case "CITY_DIRECT" -> new long[] { 30_000_000, 120_580_000 };
			default -> throw new IllegalStateException("unknown district " + district);
		};
	}

	/**
	 * Administrative region code used in national project codes (zones and 市直 use the
	 * city's 330600).
	 */
	private static String regionCode(String district) {
		return switch (district) {
			case "SX_COUNTY" -> "330621";
			case "ZHUJI" -> "330681";
			case "SHANGYU" -> "330682";
			case "SHENGZHOU" -> "330683";
			case "XINCHANG" -> "330624";
			case "YUECHENG" -> "330602";
			case "HIGH_TECH_ZONE", "PAOJIANG", "JINGHU", "BINHAI", "CITY_DIRECT" -> "330600";
			default -> throw new IllegalStateException("unknown district " + district);
		};
	}

	private static String addressPrefix(District d) {
		return d.code().equals("CITY_DIRECT") ? "绍兴市" : d.name();
	}

	private static String[] towns(String district) {
		return switch (district) {
			case "SX_COUNTY" ->
				new String[] { "柯桥街道", "华舍街道", "湖塘街道", "杨汛桥镇", "钱清镇", "齐贤镇", "安昌镇", "马鞍镇", "福全镇", "兰亭镇", "平水镇" };
			case "ZHUJI" -> new String[] { "暨阳街道", "浣东街道", "陶朱街道", "店口镇", "大唐镇", "山下湖镇", "枫桥镇", "次坞镇", "牌头镇", "赵家镇" };
			case "SHANGYU" -> new String[] { "百官街道", "曹娥街道", "道墟镇", "沥海镇", "崧厦镇", "章镇镇", "丰惠镇", "小越镇", "盖北镇" };
			case "SHENGZHOU" -> new String[] { "剡湖街道", "三江街道", "鹿山街道", "甘霖镇", "长乐镇", "黄泽镇", "崇仁镇", "谷来镇" };
			case "XINCHANG" -> new String[] { "南明街道", "七星街道", "羽林街道", "澄潭镇", "梅渚镇", "儒岙镇", "沙溪镇", "回山镇" };
			case "YUECHENG" -> new String[] { "城南街道", "府山街道", "北海街道", "塔山街道", "东湖镇", "皋埠镇", "鉴湖镇", "陶堰镇", "富盛镇" };
			case "HIGH_TECH_ZONE" -> new String[] { "迪荡片区", "科技园区", "城东片区" };
			case "PAOJIANG" -> new String[] { "斗门镇", "马山镇", "孙端镇", "三江片区" };
			case "JINGHU" -> new String[] { "灵芝镇", "东浦镇", "梅山片区" };
			case "BINHAI" -> new String[] { "马海片区", "沥海片区", "江滨片区" };
			case "CITY_DIRECT" -> new String[] { "城南片区", "城东片区", "城北片区", "镜湖片区" };
			default -> throw new IllegalStateException("unknown district " + district);
		};
	}

	private static String townShort(String town) {
		for (String suffix : new String[] { "街道", "片区", "镇" }) {
			if (town.endsWith(suffix)) {
				return town.substring(0, town.length() - suffix.length());
			}
		}
		return town;
	}

	private static final String[] ROAD_STEMS = { "兴业", "创业", "科创", "振兴", "富民", "望江", "越兴", "聚贤", "永安", "东升", "经开", "金桥",
			"万商", "华宇", "育才", "秀水", "滨河", "梅园", "湖滨", "长兴", "新桥", "凤鸣", "群力", "云松" };

	private static final String[] ROAD_SUFFIXES = { "路", "大道", "街" };

	private void locate(Random r, Project p, District d) {
		long[] c = centre(d.code());
		// Uniform in an ellipse of about 7 km: 0.063 degree of latitude, 0.0726 degree of
		// longitude at 30N.
		final long a = 63_000;
		final long b = 72_600;
		long dy;
		long dx;
		do {
			dy = r.nextInt((int) (2 * a + 1)) - a;
			dx = r.nextInt((int) (2 * b + 1)) - b;
		}
		while (!insideEllipse(dy, dx, a, b));
		p.latitudeMicro = c[0] + dy;
		p.longitudeMicro = c[1] + dx;
		String road = pick(r, ROAD_STEMS) + pick(r, ROAD_SUFFIXES);
		String town = p.town != null ? p.town : pick(r, towns(d.code()));
		p.address = addressPrefix(d) + town + road + (1 + r.nextInt(888)) + "号(演示地址)";
	}

	/**
	 * Exact integer test dy²/a² + dx²/b² &le; 1 (BigInteger: the products overflow a
	 * long).
	 */
	private static boolean insideEllipse(long dy, long dx, long a, long b) {
		BigInteger a2 = BigInteger.valueOf(a * a);
		BigInteger b2 = BigInteger.valueOf(b * b);
		BigInteger lhs = BigInteger.valueOf(dy * dy).multiply(b2).add(BigInteger.valueOf(dx * dx).multiply(a2));
		return lhs.compareTo(a2.multiply(b2)) <= 0;
	}

	// ------------------------------------------------------------------------------------------------------------
	// Common project attributes

	private static final String[] BRAND_CHARS = { "恒", "华", "越", "天", "宏", "鑫", "盛", "海", "远", "嘉", "博", "瑞", "锦", "永",
			"新", "兴", "泰", "达", "昌", "明", "金", "润", "德", "凯", "诚", "信", "鸿", "佳", "东", "宇", "正", "精", "丰", "源", "富",
			"祥", "联", "荣", "辰", "力", "威", "通", "立", "安", "和", "康", "顺", "汇" };

	/**
	 * Brands of well-known real enterprises that the invented names should not imitate.
	 */
	private static final List<String> AVOID_BRANDS = List.of("富润", "华联", "远东", "天通", "宏达", "华东", "正泰", "金盛", "永通", "华海",
			"海天", "通和", "东盛", "恒力", "盛达", "荣盛", "恒逸", "新和", "精达", "海正", "康恩");

	private String brand(Random r) {
		String b;
		do {
			b = pick(r, BRAND_CHARS) + pick(r, BRAND_CHARS);
		}
		while (b.charAt(0) == b.charAt(1) || AVOID_BRANDS.contains(b));
		return b;
	}

	/** Owner enterprise; returns {brand, full name}. */
	private String[] enterprise(Random r, String district, String word) {
		while (true) {
			String brand = brand(r);
			String place = r.nextInt(2) == 0 ? "浙江" : enterprisePlace(district);
			int form = r.nextInt(20);
			String suffix = form < 3 ? "股份有限公司" : form < 6 ? "集团有限公司" : "有限公司";
			String name = place + brand + word + suffix + DEMO;
			if (usedEnterprises.add(name)) {
				return new String[] { brand, name };
			}
		}
	}

	private static int monthIndex(int year, int month) {
		return year * 12 + month - 1;
	}

	private static LocalDate firstDay(int monthIndex) {
		return LocalDate.of(monthIndex / 12, monthIndex % 12 + 1, 1);
	}

	private static LocalDate lastDay(int monthIndex) {
		LocalDate first = firstDay(monthIndex);
		return first.withDayOfMonth(first.lengthOfMonth());
	}

	/**
	 * Start in [2010-01, 2012-06], finish in [2012-10, latestFinish], consistent with the
	 * status.
	 */
	private static void schedule(Random r, Project p, int latestFinishYear) {
		int startFrom;
		int startTo;
		int finishFrom;
		int finishTo = monthIndex(latestFinishYear, 12);
		switch (p.status) {
			case "COMPLETED" -> {
				startFrom = monthIndex(2010, 1);
				startTo = monthIndex(2011, 12);
				finishTo = monthIndex(2012, 12);
			}
			case "APPROVED" -> {
				startFrom = monthIndex(2012, 4);
				startTo = monthIndex(2012, 6);
			}
			case "UNDER_CONSTRUCTION" -> {
				startFrom = monthIndex(2010, 1);
				startTo = monthIndex(2012, 3);
			}
			default -> throw new IllegalStateException("status " + p.status);
		}
		int start = between(r, startFrom, startTo);
		finishFrom = Math.max(monthIndex(2012, 10), p.status.equals("COMPLETED") ? 0 : start + 12);
		finishFrom = Math.min(finishFrom, finishTo);
		int finish = between(r, finishFrom, finishTo);
		p.plannedStart = firstDay(start);
		p.plannedFinish = lastDay(finish);
	}

	/**
	 * About half of the projects get a national project code YYYY-RRRRRR-II-TT-NNNNNN.
	 */
	private void nationalCode(Random r, Project p, String industry, String type) {
		if (r.nextInt(2) == 0) {
			p.nationalCode = null;
			return;
		}
		int year = p.plannedStart.getYear() - (r.nextInt(10) < 3 ? 1 : 0);
		year = Math.max(2010, Math.min(2012, year));
		String code;
		do {
			code = fmt("%04d-%s-%s-%s-%06d", year, regionCode(p.districtCode), industry, type, 1 + r.nextInt(99_999));
		}
		while (!usedNationalCodes.add(code));
		p.nationalCode = code;
	}

	/**
	 * 0-2 co-departments from the pool, never the lead nor SZF, in plan department order.
	 */
	private void coDepartments(Random r, Project p, String[] pool) {
		List<String> candidates = new ArrayList<>();
		for (String c : pool) {
			if (!c.equals(p.leadDepartmentCode) && !c.equals(CITY_LEADER_DEPT) && departmentNames.containsKey(c)) {
				candidates.add(c);
			}
		}
		int roll = r.nextInt(100);
		int n = Math.min(candidates.size(), roll < 30 ? 0 : roll < 75 ? 1 : 2);
		List<String> chosen = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			chosen.add(candidates.remove(r.nextInt(candidates.size())));
		}
		chosen.sort(Comparator.comparingInt(departmentCodes::indexOf));
		p.coDepartmentCodes = chosen;
	}

	private boolean claimName(String name) {
		return usedProjectNames.add(name);
	}

	// ------------------------------------------------------------------------------------------------------------
	// Industrial

	private static Product product(String name, String unit, int[] quantities, String word, String industry) {
		return new Product(name, unit, quantities, word, industry);
	}

	private static int[] q(int... values) {
		return values;
	}

	private static final List<Product> TRADITIONAL = List.of(product("差别化涤纶长丝", "万吨", q(10, 15, 20, 30), "化纤", "28"),
			product("高档印染面料", "万米", q(3000, 5000, 6000, 8000), "印染", "17"),
			product("高档针织面料", "万米", q(2000, 3000, 5000), "针织", "17"),
			product("高档家纺面料", "万米", q(2000, 3000, 5000), "纺织", "17"), product("精密铸件", "万吨", q(3, 5, 10), "机械", "33"),
			product("汽车零部件", "万套", q(50, 100, 200), "汽车部件", "36"), product("特种纸", "万吨", q(10, 20, 30), "纸业", "22"),
			product("新型墙体材料", "万立方米", q(50, 100), "建材", "30"), product("五金工具", "万件", q(1000, 2000, 3000), "五金", "33"),
			product("品牌服装", "万件", q(500, 800, 1000), "服饰", "18"));

	private static final List<Product> EMERGING = List.of(product("太阳能光伏组件", "MW", q(200, 300, 500), "光伏科技", "38"),
			product("锂电池正极材料", "吨", q(3000, 5000, 10000), "新能源", "38"),
			product("LED外延片及芯片", "万片", q(50, 100, 150), "光电科技", "39"),
			product("高效节能电机", "万千瓦", q(300, 500, 800), "电机", "38"),
			product("风电齿轮箱", "台", q(500, 1000, 2000), "重工", "34"),
			product("数控机床", "台", q(1000, 2000, 3000), "数控机械", "34"),
			product("碳纤维复合材料", "吨", q(1000, 2000, 3000), "新材料", "28"), product("环保型染料", "万吨", q(2, 3, 5), "化工", "26"),
			product("智能电网设备", "套", q(5000, 10000), "电气", "38"), product("新能源汽车动力电池", "万套", q(5, 10, 20), "新能源", "38"),
			product("节能环保装备", "台套", q(500, 1000, 2000), "环保科技", "35"),
			product("工业机器人", "台", q(500, 1000), "智能装备", "34"), product("医疗器械", "万台", q(5, 10, 20), "医疗器械", "35"),
			product("光纤光缆", "万芯公里", q(500, 1000), "通信", "39"), product("功能性纺织新材料", "万米", q(3000, 5000), "新材料", "17"),
			product("半导体照明灯具", "万只", q(500, 1000, 2000), "照明", "38"));

	private static List<Product> districtProducts(String district, boolean emerging) {
		if (emerging) {
			return switch (district) {
				case "SX_COUNTY" -> List.of(product("高性能纤维新材料", "万吨", q(3, 5, 10), "新材料", "28"),
						product("纺织数码装备", "台", q(500, 1000), "智能装备", "35"));
				case "ZHUJI" -> List.of(product("环保设备", "台套", q(1000, 2000), "环保科技", "35"),
						product("新能源汽车零部件", "万套", q(50, 100), "汽车部件", "36"),
						product("智能阀门", "万套", q(300, 500), "智能装备", "34"));
				case "SHANGYU" -> List.of(product("医药中间体", "吨", q(1000, 2000, 3000), "药业", "27"),
						product("氟化工新材料", "万吨", q(1, 2, 5), "化工新材料", "26"),
						product("光伏多晶硅片", "MW", q(300, 500), "光伏科技", "39"));
				case "SHENGZHOU" -> List.of(product("新能源电动车", "万辆", q(5, 10), "新能源", "37"),
						product("高效节能电机", "万千瓦", q(300, 500), "电机", "38"));
				case "XINCHANG" -> List.of(product("生物制药", "吨", q(100, 200, 500), "药业", "27"),
						product("维生素系列产品", "吨", q(3000, 5000), "药业", "27"),
						product("高端数控轴承", "万套", q(200, 500), "精密机械", "34"));
				case "YUECHENG" -> List.of(product("电子元器件", "亿只", q(5, 10), "电子", "39"));
				case "PAOJIANG" -> List.of(product("生物医药原料药", "吨", q(300, 500), "药业", "27"),
						product("电子信息产品", "万台", q(50, 100), "电子", "39"),
						product("新型显示材料", "吨", q(100, 200), "新材料", "26"));
				case "BINHAI" -> List.of(product("光伏电池片", "MW", q(300, 500, 800), "光伏科技", "38"),
						product("新能源装备", "台套", q(500, 1000), "新能源", "34"));
				default -> List.of();
			};
		}
		return switch (district) {
			case "SX_COUNTY" -> List.of(product("数码印花面料", "万米", q(1000, 2000, 3000), "印染", "17"),
					product("高档经编面料", "万米", q(3000, 5000), "纺织", "17"),
					product("涤纶工业丝", "万吨", q(5, 10, 15), "化纤", "28"));
			case "ZHUJI" -> List.of(product("特种不锈钢管", "万吨", q(10, 20, 30), "不锈钢", "31"),
					product("精密铜管", "万吨", q(5, 10, 15), "铜业", "32"), product("高档袜子", "亿双", q(1, 2, 3), "袜业", "17"),
					product("制冷阀门", "万只", q(1000, 3000, 5000), "机电", "34"),
					product("珍珠饰品", "万件", q(500, 1000), "珠宝", "24"));
			case "SHANGYU" -> List.of(product("精细化工产品", "万吨", q(3, 5, 10), "化工", "26"),
					product("染料中间体", "万吨", q(2, 5), "化工", "26"), product("伞具", "万把", q(1000, 3000), "伞业", "24"));
			case "SHENGZHOU" -> List.of(product("真丝领带", "万条", q(1000, 2000, 3000), "服饰", "18"),
					product("集成灶", "万台", q(20, 30, 50), "厨具", "38"), product("茶叶机械", "台", q(5000, 10000), "机械", "35"));
			case "XINCHANG" -> List.of(product("精密轴承", "万套", q(1000, 2000, 3000), "轴承", "34"),
					product("空调制冷配件", "万套", q(1000, 2000, 5000), "机电", "34"),
					product("纺织机械", "台", q(1000, 2000), "机械", "35"));
			case "YUECHENG" ->
				List.of(product("黄酒", "万千升", q(5, 10), "酒业", "15"), product("针织服装", "万件", q(500, 1000), "服饰", "18"));
			case "PAOJIANG" -> List.of(product("差别化纤维", "万吨", q(20, 30, 50), "化纤", "28"),
					product("高档面料", "万米", q(5000, 8000), "纺织", "17"), product("黄酒", "万千升", q(5, 10), "酒业", "15"));
			case "BINHAI" -> List.of(product("印染面料", "万米", q(5000, 6000, 8000), "印染", "17"),
					product("化纤长丝", "万吨", q(10, 20), "化纤", "28"));
			default -> List.of();
		};
	}

	private static final String[] INDUSTRIAL_CO_DEPARTMENTS = { "JXW", "FGW", "SWJ", "ZSJ", "JRB", "ZXCYB", "GYZXB",
			"GTJ", "RMYH", "YJFJ", "TJJ" };

	/**
	 * Bands of total investment in hundredths of 亿元: [5,10), [10,20), [20,50), [50,80].
	 */
	private static final long[] BAND_LOW = { 500, 1000, 2000, 5000 };

	private static final long[] BAND_HIGH = { 999, 1999, 4999, 8000 };

	private void generateIndustrial(Random r) {
		Map<String, BigDecimal> over5 = column("INDUSTRIAL_PROJECTS_OVER_500M");
		Map<String, BigDecimal> over10 = column("INDUSTRIAL_PROJECTS_OVER_1B");
		Map<String, BigDecimal> over20 = column("INDUSTRIAL_PROJECTS_OVER_2B");
		int over50 = cityTarget("INDUSTRIAL_PROJECTS_OVER_5B");

		// The 50亿+ projects go to the districts with the most 20亿+ projects (plan order
		// breaks ties).
		List<District> ranked = new ArrayList<>();
		for (District d : districts) {
			if (count(over20, d.code()) > 0) {
				ranked.add(d);
			}
		}
		ranked.sort(Comparator.comparingInt((District d) -> -count(over20, d.code())));
		require(ranked.size() >= over50, "not enough districts with 20亿+ projects for the 50亿+ target");
		List<String> bigDistricts = new ArrayList<>();
		for (int i = 0; i < over50; i++) {
			bigDistricts.add(ranked.get(i).code());
		}

		int total = 0;
		for (District d : districts) {
			total += count(over5, d.code());
		}
		// Exactly 60% strategic emerging; 30% on the tech-upgrade plan, mostly among
		// traditional projects.
		int nEmerging = (total * 60 + 50) / 100;
		int nTech = (total * 30 + 50) / 100;
		int nTechEmerging = (total * 8 + 50) / 100;
		int[] order = shuffledIndices(r, total);
		boolean[] emerging = new boolean[total];
		boolean[] tech = new boolean[total];
		List<Integer> emergingIdx = new ArrayList<>();
		List<Integer> traditionalIdx = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			if (i < nEmerging) {
				emerging[order[i]] = true;
			}
		}
		for (int i = 0; i < total; i++) {
			(emerging[order[i]] ? emergingIdx : traditionalIdx).add(order[i]);
		}
		for (int i = 0; i < nTechEmerging; i++) {
			tech[emergingIdx.get(i)] = true;
		}
		for (int i = 0; i < nTech - nTechEmerging; i++) {
			tech[traditionalIdx.get(traditionalIdx.size() - 1 - i)] = true;
		}

		int[] bandCounter = new int[4];
		int index = 0;
		for (District d : districts) {
			int n5 = count(over5, d.code());
			int n10 = count(over10, d.code());
			int n20 = count(over20, d.code());
			int n50 = bigDistricts.contains(d.code()) ? 1 : 0;
			require(n5 >= n10 && n10 >= n20 && n20 >= n50, "inconsistent attachment 1 counts for " + d.code());
			List<Integer> bands = new ArrayList<>();
			addBands(bands, 0, n5 - n10);
			addBands(bands, 1, n10 - n20);
			addBands(bands, 2, n20 - n50);
			addBands(bands, 3, n50);
			int[] perm = shuffledIndices(r, bands.size());
			for (int k = 0; k < bands.size(); k++) {
				int band = bands.get(perm[k]);
				Project p = new Project();
				p.code = fmt("DEMO-IND-%03d", index + 1);
				p.category = "INDUSTRIAL";
				p.districtCode = d.code();
				p.strategicEmerging = emerging[index];
				p.techUpgradePlan = tech[index];
				p.totalHundredths = industrialTotal(r, band, bandCounter[band]++);
				p.plannedHundredths = (p.totalHundredths * between(r, 1500, 4000) + 5000) / 10_000;
				int roll = r.nextInt(100);
				p.leadDepartmentCode = roll < 6 ? "SWJ" : roll < 12 ? "FGW" : "JXW";
				coDepartments(r, p, INDUSTRIAL_CO_DEPARTMENTS);
				Product product = industrialProduct(r, d.code(), p.strategicEmerging);
				String[] owner = enterprise(r, d.code(), product.enterpriseWord());
				p.ownerEnterprise = owner[1];
				p.name = industrialName(r, d.code(), product, owner[0], p.techUpgradePlan, p.strategicEmerging);
				p.status = "UNDER_CONSTRUCTION";
				schedule(r, p, 2016);
				locate(r, p, d);
				String type = p.techUpgradePlan ? "03" : r.nextInt(10) < 7 ? "01" : "02";
				nationalCode(r, p, product.industry(), type);
				p.cityLeaderId = cityLeader(band == 3 ? 1 : band == 2 ? 2 : 3);
				p.cadreId = cadre(r, p.leadDepartmentCode);
				projects.add(p);
				index++;
			}
		}
		require(index == total, "industrial count");
	}

	private static void addBands(List<Integer> bands, int band, int n) {
		for (int i = 0; i < n; i++) {
			bands.add(band);
		}
	}

	private static long industrialTotal(Random r, int band, int counter) {
		// A few exact lower-boundary values (5.00, 10.00, 20.00) to exercise inclusive
		// thresholds.
		if (band == 0 && (counter == 3 || counter == 21 || counter == 38)
				|| band == 1 && (counter == 6 || counter == 27) || band == 2 && counter == 4) {
			return BAND_LOW[band];
		}
		long lo = BAND_LOW[band];
		long hi = BAND_HIGH[band];
		long t = lo + (long) ((hi - lo + 1) * StrictMath.pow(r.nextDouble(), 1.5));
		t = Math.min(t, hi);
		if (r.nextInt(2) == 0) {
			t = t / 10 * 10; // a round 0.1亿元 figure
		}
		return t;
	}

	private static Product industrialProduct(Random r, String district, boolean emerging) {
		List<Product> local = districtProducts(district, emerging);
		if (!local.isEmpty() && r.nextInt(100) < 60) {
			return local.get(r.nextInt(local.size()));
		}
		List<Product> generic = emerging ? EMERGING : TRADITIONAL;
		return generic.get(r.nextInt(generic.size()));
	}

	private String industrialName(Random r, String district, Product product, String brand, boolean tech,
			boolean emerging) {
		String place = shortName(district);
		for (int attempt = 0; attempt < 20; attempt++) {
			String who = r.nextInt(10) < 4 ? brand : "";
			int qty = product.quantities()[r.nextInt(product.quantities().length)];
			int style = r.nextInt(10);
			String name;
			if (tech && style < 5) {
				name = place + who + product.name() + "生产线技术改造项目";
			}
			else if (tech) {
				name = place + who + "年产" + qty + product.unit() + product.name() + "技改项目";
			}
			else if (emerging && style < 3) {
				name = place + who + product.name() + "研发及产业化项目";
			}
			else if (style < 1) {
				name = place + who + product.name() + "生产基地建设项目";
			}
			else {
				name = place + who + "年产" + qty + product.unit() + product.name() + "项目";
			}
			if (attempt >= 10) {
				name = name.substring(0, name.length() - 2) + (attempt % 2 == 0 ? "一期" : "二期") + "项目";
			}
			if (claimName(name + DEMO)) {
				return name + DEMO;
			}
		}
		throw new IllegalStateException("cannot find a unique industrial project name in " + district);
	}

	// ------------------------------------------------------------------------------------------------------------
	// Service

	private static Facility facility(String name, String industry, String word, boolean commerce) {
		return new Facility(name, industry, word, commerce, true);
	}

	private static Facility landmark(String name, String industry, String word, boolean commerce) {
		return new Facility(name, industry, word, commerce, false);
	}

	private static final List<Facility> SERVICE_GENERIC = List.of(facility("现代物流园", "59", "物流", false),
			facility("商贸综合体", "52", "商贸", true), facility("城市综合体", "72", "置业", false),
			facility("星级酒店", "61", "酒店管理", false), facility("文化创意产业园", "88", "文化发展", false),
			facility("电子商务产业园", "64", "电子商务", false), facility("服务外包基地", "65", "信息技术", false),
			facility("专业市场提升改造", "51", "市场开发", true), facility("金融商务区", "72", "投资开发", false),
			facility("养老服务中心", "84", "健康养老", false), facility("科技企业孵化器", "75", "科技发展", false),
			facility("总部经济园", "72", "投资开发", false), facility("仓储物流中心", "59", "物流", false),
			facility("汽车商贸城", "52", "汽车销售服务", true), facility("农产品批发市场", "51", "农产品市场", true),
			facility("软件园", "65", "软件", false), facility("研发设计中心", "73", "科技发展", false),
			facility("家居建材市场", "51", "市场开发", true), facility("冷链物流中心", "59", "冷链物流", false),
			facility("健康医疗服务中心", "83", "医疗投资", false), facility("商务楼宇", "72", "置业", false),
			facility("体育休闲中心", "89", "体育发展", false), facility("旅游服务中心", "78", "旅游开发", false));

	private static List<Facility> districtFacilities(String district) {
		return switch (district) {
			case "SX_COUNTY" -> List.of(landmark("纺织品交易中心", "51", "贸易", true), landmark("纺织创意设计园", "75", "创意设计", false),
					landmark("柯北商务楼宇", "72", "置业", false), landmark("面料会展中心", "72", "会展", false));
			case "ZHUJI" -> List.of(landmark("袜业电子商务中心", "64", "电子商务", false), landmark("珍珠交易市场", "51", "珍珠市场", true),
					landmark("西施故里旅游区提升", "78", "旅游开发", false), landmark("五金城物流中心", "59", "物流", false));
			case "SHANGYU" -> List.of(landmark("曹娥江旅游度假区", "78", "旅游开发", false), landmark("伞城商贸中心", "51", "商贸", true),
					landmark("化工园区物流中心", "59", "物流", false), landmark("虞舜文化园", "88", "文化发展", false));
			case "SHENGZHOU" -> List.of(landmark("领带城商贸中心", "51", "商贸", true), landmark("越剧文化园", "88", "文化发展", false),
					landmark("厨具电商产业园", "64", "电子商务", false));
			case "XINCHANG" -> List.of(landmark("大佛寺景区提升", "78", "旅游开发", false),
					landmark("天姥山旅游区", "78", "旅游开发", false), landmark("轴承商贸城", "51", "商贸", true));
			case "YUECHENG" -> List.of(landmark("古城历史街区保护利用", "78", "文化旅游", false),
					landmark("名人故居文化街区", "88", "文化旅游", false), landmark("城东商业综合体", "72", "置业", false));
			case "HIGH_TECH_ZONE" ->
				List.of(landmark("科技创业孵化园", "75", "科技发展", false), landmark("迪荡商务区楼宇", "72", "置业", false));
			case "PAOJIANG" -> List.of(landmark("工业物流园", "59", "物流", false), landmark("商务中心", "72", "投资开发", false));
			case "JINGHU" -> List.of(landmark("湿地生态旅游区", "78", "旅游开发", false), landmark("中心商务区", "72", "置业", false));
			case "BINHAI" -> List.of(landmark("物流港", "59", "物流", false), landmark("商务中心", "72", "投资开发", false));
			case "CITY_DIRECT" ->
				List.of(landmark("国际会展中心", "72", "会展", false), landmark("城市文化中心", "88", "文化发展", false),
						landmark("交通物流枢纽", "59", "交通物流", false), landmark("市民服务中心", "72", "城市建设投资", false));
			default -> List.of();
		};
	}

	private static final String[] SERVICE_PREFIXES = { "", "", "", "", "城东", "城西", "城南", "城北", "江滨", "现代", "国际" };

	private static final String[] PHASES = { "", "", "", "一期", "二期", "三期" };

	private static final String[] SERVICE_CO_DEPARTMENTS = { "JXW", "FGW", "SWJ", "ZSJ", "GZW", "JRB", "GTJ", "TJJ" };

	private void generateService(Random r) {
		Map<String, BigDecimal> counts = column("SERVICE_PROJECTS");
		Map<String, BigDecimal> sums = column("SERVICE_INVESTMENT");
		int index = 0;
		for (District d : districts) {
			int n = count(counts, d.code());
			if (n == 0) {
				continue;
			}
			long[] planned = split(r, hundredths(sums, d.code()), n, 10);
			for (int k = 0; k < n; k++) {
				Project p = new Project();
				p.code = fmt("DEMO-SVC-%03d", ++index);
				p.category = "SERVICE";
				p.districtCode = d.code();
				p.plannedHundredths = planned[k];
				p.totalHundredths = Math.max(planned[k], (planned[k] * between(r, 150, 500) + 50) / 100);
				Facility f = serviceFacility(r, d.code());
				int roll = r.nextInt(100);
				if (f.commerce() && roll < 50) {
					p.leadDepartmentCode = "SWJ";
				}
				else if (d.code().equals("CITY_DIRECT") && roll < 25) {
					p.leadDepartmentCode = "GZW";
				}
				else {
					p.leadDepartmentCode = "FGW";
				}
				coDepartments(r, p, SERVICE_CO_DEPARTMENTS);
				String[] owner = enterprise(r, d.code(), f.enterpriseWord());
				p.ownerEnterprise = owner[1];
				p.name = serviceName(r, d.code(), f);
				p.status = statusOf(r);
				schedule(r, p, 2015);
				locate(r, p, d);
				nationalCode(r, p, f.industry(), r.nextInt(10) < 7 ? "01" : "02");
				p.cityLeaderId = cityLeader(d.code().equals("CITY_DIRECT") ? 6 : 4);
				p.cadreId = cadre(r, p.leadDepartmentCode);
				projects.add(p);
			}
		}
	}

	private static Facility serviceFacility(Random r, String district) {
		List<Facility> local = districtFacilities(district);
		if (!local.isEmpty() && r.nextInt(100) < 30) {
			return local.get(r.nextInt(local.size()));
		}
		return SERVICE_GENERIC.get(r.nextInt(SERVICE_GENERIC.size()));
	}

	private String serviceName(Random r, String district, Facility f) {
		String place = district.equals("CITY_DIRECT") ? "绍兴" : shortName(district);
		for (int attempt = 0; attempt < 40; attempt++) {
			String prefix = f.generic() ? pick(r, SERVICE_PREFIXES) : "";
			if (f.name().startsWith(prefix)) {
				prefix = ""; // no "现代现代物流园"
			}
			String phase = pick(r, PHASES);
			if (attempt >= 20 && phase.isEmpty()) {
				phase = "二期";
			}
			String name = place + prefix + f.name() + phase + "项目" + DEMO;
			if (claimName(name)) {
				return name;
			}
		}
		throw new IllegalStateException("cannot find a unique service project name in " + district);
	}

	private static String statusOf(Random r) {
		int roll = r.nextInt(100);
		return roll < 76 ? "UNDER_CONSTRUCTION" : roll < 88 ? "APPROVED" : "COMPLETED";
	}

	// ------------------------------------------------------------------------------------------------------------
	// Agricultural

	private static Farm farm(String product, String industry, String word, String... facilities) {
		return new Farm(product, facilities, industry, word);
	}

	private static final List<Farm> FARMS_GENERIC = List.of(farm("粮食生产功能区", "01", "粮油", "示范方", "核心区"),
			farm("设施蔬菜", "01", "蔬菜", "基地", "示范园"), farm("精品水果", "01", "果业", "基地", "采摘园"),
			farm("茶叶", "01", "茶业", "基地", "加工厂"), farm("花卉苗木", "01", "园艺", "基地", "示范园"),
			farm("生猪规模养殖", "03", "畜牧", "场", "小区"), farm("水产养殖", "04", "水产", "基地", "示范区"),
			farm("农产品加工", "05", "农产品", "中心", "园区"), farm("农产品冷链物流", "05", "农产品物流", "中心"),
			farm("现代农业综合区", "05", "农业开发", "核心区", "示范区"), farm("竹笋", "02", "林业", "基地"),
			farm("食用菌", "01", "食用菌", "基地", "生产车间"));

	private static List<Farm> districtFarms(String district) {
		return switch (district) {
			case "SX_COUNTY" -> List.of(farm("日铸茶", "01", "茶业", "基地", "加工厂"), farm("设施葡萄", "01", "果业", "基地"),
					farm("特色水产", "04", "水产", "养殖基地"));
			case "ZHUJI" -> List.of(farm("香榧", "02", "香榧", "精品园", "基地"), farm("淡水珍珠", "04", "珍珠", "养殖基地"),
					farm("花木", "01", "花木", "基地", "交易中心"));
			case "SHANGYU" ->
				List.of(farm("葡萄", "01", "果业", "精品园"), farm("杨梅", "01", "果业", "基地"), farm("茶叶", "01", "茶业", "基地"));
			case "SHENGZHOU" -> List.of(farm("香榧", "02", "香榧", "精品园", "基地"), farm("越乡龙井茶", "01", "茶业", "基地"),
					farm("花木", "01", "花木", "基地"));
			case "XINCHANG" -> List.of(farm("大佛龙井茶", "01", "茶业", "基地", "加工厂"), farm("高山蔬菜", "01", "蔬菜", "基地"));
			case "YUECHENG" -> List.of(farm("城郊蔬菜", "01", "蔬菜", "基地"), farm("鉴湖水产", "04", "水产", "养殖基地"));
			case "PAOJIANG" -> List.of(farm("设施蔬菜", "01", "蔬菜", "基地"));
			case "JINGHU" -> List.of(farm("湿地生态农业", "05", "生态农业", "示范区"));
			case "BINHAI" -> List.of(farm("围垦区现代农业", "05", "农业开发", "园区"), farm("海水养殖", "04", "水产", "基地"));
			default -> List.of();
		};
	}

	private static final String[] FARM_ACTIONS = { "建设", "建设", "提升", "扩建", "改造" };

	private static final String[] AGRICULTURAL_CO_DEPARTMENTS = { "FGW", "SWJ", "JRB", "GTJ", "RMYH" };

	private void generateAgricultural(Random r) {
		Map<String, BigDecimal> counts = column("AGRICULTURAL_PROJECTS");
		Map<String, BigDecimal> sums = column("AGRICULTURAL_INVESTMENT");
		int index = 0;
		for (District d : districts) {
			int n = count(counts, d.code());
			if (n == 0) {
				continue;
			}
			long[] planned = split(r, hundredths(sums, d.code()), n, 1);
			for (int k = 0; k < n; k++) {
				Project p = new Project();
				p.code = fmt("DEMO-AGR-%03d", ++index);
				p.category = "AGRICULTURAL";
				p.districtCode = d.code();
				p.plannedHundredths = planned[k];
				p.totalHundredths = Math.max(planned[k], (planned[k] * between(r, 120, 400) + 50) / 100);
				p.leadDepartmentCode = "NYJ";
				coDepartments(r, p, AGRICULTURAL_CO_DEPARTMENTS);
				List<Farm> local = districtFarms(d.code());
				Farm f = !local.isEmpty() && r.nextInt(100) < 45 ? local.get(r.nextInt(local.size()))
						: FARMS_GENERIC.get(r.nextInt(FARMS_GENERIC.size()));
				String[] owner = enterprise(r, d.code(), f.enterpriseWord());
				p.ownerEnterprise = owner[1];
				agriculturalName(r, p, f);
				p.status = statusOf(r);
				schedule(r, p, 2014);
				locate(r, p, d);
				nationalCode(r, p, f.industry(), r.nextInt(10) < 7 ? "01" : "02");
				p.cityLeaderId = cityLeader(5);
				p.cadreId = cadre(r, p.leadDepartmentCode);
				projects.add(p);
			}
		}
	}

	/** Names the project after a town of its district; the address uses the same town. */
	private void agriculturalName(Random r, Project p, Farm f) {
		String district = p.districtCode;
		for (int attempt = 0; attempt < 40; attempt++) {
			String fullTown = pick(r, towns(district));
			String town = townShort(fullTown);
			String facility = pick(r, f.facilities());
			String action = pick(r, FARM_ACTIONS);
			String phase = attempt >= 20 ? "二期" : "";
			String name = shortName(district) + town + f.product() + facility + phase + action + "项目" + DEMO;
			if (claimName(name)) {
				p.name = name;
				p.town = fullTown;
				return;
			}
		}
		throw new IllegalStateException("cannot find a unique agricultural project name in " + district);
	}

	// ------------------------------------------------------------------------------------------------------------
	// Arithmetic helpers

	/**
	 * Splits {@code sum} hundredths into {@code n} parts, each at least {@code min}:
	 * everyone gets the minimum, the remainder is shared by random weights (rounded
	 * down), and the last part takes what is left so the sum is exact.
	 */
	private static long[] split(Random r, long sum, int n, long min) {
		long remainder = sum - n * min;
		require(remainder >= 0, "cannot split " + sum + " into " + n + " parts of at least " + min);
		long[] weights = new long[n];
		long weightSum = 0;
		for (int i = 0; i < n; i++) {
			double u = r.nextDouble();
			weights[i] = 50 + (long) (1000 * u * u); // skewed: a few large projects, many
														// smaller ones
			weightSum += weights[i];
		}
		long[] parts = new long[n];
		long given = 0;
		for (int i = 0; i < n - 1; i++) {
			parts[i] = min + remainder * weights[i] / weightSum;
			given += parts[i];
		}
		parts[n - 1] = sum - given;
		return parts;
	}

	private static int[] shuffledIndices(Random r, int n) {
		int[] a = new int[n];
		for (int i = 0; i < n; i++) {
			a[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = r.nextInt(i + 1);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
		return a;
	}

	private static int between(Random r, int lo, int hi) {
		return lo + r.nextInt(hi - lo + 1);
	}

	private static <T> T pick(Random r, T[] values) {
		return values[r.nextInt(values.length)];
	}

	private static String fmt(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	private static String money(long hundredths) {
		return BigDecimal.valueOf(hundredths, 2).toPlainString();
	}

	private static BigDecimal degrees(long micro) {
		return BigDecimal.valueOf(micro, 6);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	// ------------------------------------------------------------------------------------------------------------
	// Self-check of the invariants promised in the class comment

	private void verify() {
		Map<String, BigDecimal> over5 = column("INDUSTRIAL_PROJECTS_OVER_500M");
		Map<String, BigDecimal> over10 = column("INDUSTRIAL_PROJECTS_OVER_1B");
		Map<String, BigDecimal> over20 = column("INDUSTRIAL_PROJECTS_OVER_2B");
		Map<String, BigDecimal> svcCount = column("SERVICE_PROJECTS");
		Map<String, BigDecimal> svcSum = column("SERVICE_INVESTMENT");
		Map<String, BigDecimal> agrCount = column("AGRICULTURAL_PROJECTS");
		Map<String, BigDecimal> agrSum = column("AGRICULTURAL_INVESTMENT");
		int over50 = 0;
		for (Project p : projects) {
			if (p.category.equals("INDUSTRIAL") && p.totalHundredths >= 5000) {
				over50++;
			}
			require(p.totalHundredths >= p.plannedHundredths, p.code + " total < planned");
			require(p.plannedStart.isBefore(p.plannedFinish), p.code + " dates");
			require(!p.coDepartmentCodes.contains(p.leadDepartmentCode), p.code + " co-department = lead");
		}
		require(over50 == cityTarget("INDUSTRIAL_PROJECTS_OVER_5B"), "50亿+ count " + over50);
		for (District d : districts) {
			String c = d.code();
			require(countInd(c, 500) == count(over5, c), c + " 5亿+");
			require(countInd(c, 1000) == count(over10, c), c + " 10亿+");
			require(countInd(c, 2000) == count(over20, c), c + " 20亿+");
			require(countCat("SERVICE", c) == count(svcCount, c), c + " service count");
			require(sumCat("SERVICE", c) == hundredths(svcSum, c), c + " service sum");
			require(countCat("AGRICULTURAL", c) == count(agrCount, c), c + " agricultural count");
			require(sumCat("AGRICULTURAL", c) == hundredths(agrSum, c), c + " agricultural sum");
		}
		require(usedProjectNames.size() == projects.size(), "duplicate project names");
	}

	private long countInd(String district, long minTotal) {
		return projects.stream()
			.filter(p -> p.category.equals("INDUSTRIAL") && p.districtCode.equals(district)
					&& p.totalHundredths >= minTotal)
			.count();
	}

	private long countCat(String category, String district) {
		return projects.stream().filter(p -> p.category.equals(category) && p.districtCode.equals(district)).count();
	}

	private long sumCat(String category, String district) {
		return projects.stream()
			.filter(p -> p.category.equals(category) && p.districtCode.equals(district))
			.mapToLong(p -> p.plannedHundredths)
			.sum();
	}

	// ------------------------------------------------------------------------------------------------------------
	// JSON

	private static JsonMapper mapper() {
		return JsonMapper.builder()
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.disable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
			.build();
	}

	private String toJson() {
		JsonMapper mapper = mapper();
		ObjectNode root = mapper.createObjectNode();
		root.put("demo", true);
		root.put("notice", NOTICE);
		root.put("generator", GENERATOR_PATH);
		root.put("seed", SEED);
		ArrayNode offs = root.putArray("officials");
		for (Official o : officials) {
			ObjectNode n = offs.addObject();
			n.put("id", o.id());
			n.put("name", o.name());
			n.put("title", o.title());
			n.put("departmentCode", o.departmentCode());
			n.put("officePhone", o.officePhone());
			n.put("mobile", o.mobile());
			n.put("email", o.email());
			n.put("cityLeader", o.cityLeader());
			n.put("demo", true);
		}
		ArrayNode projs = root.putArray("projects");
		for (Project p : projects) {
			ObjectNode n = projs.addObject();
			n.put("code", p.code);
			n.put("category", p.category);
			n.put("name", p.name);
			n.put("districtCode", p.districtCode);
			n.put("leadDepartmentCode", p.leadDepartmentCode);
			ArrayNode co = n.putArray("coDepartmentCodes");
			p.coDepartmentCodes.forEach(co::add);
			n.put("ownerEnterprise", p.ownerEnterprise);
			n.put("totalInvestment", money(p.totalHundredths));
			n.put("plannedInvestment", money(p.plannedHundredths));
			n.put("strategicEmerging", p.strategicEmerging);
			n.put("techUpgradePlan", p.techUpgradePlan);
			n.put("status", p.status);
			n.put("plannedStart", p.plannedStart.toString());
			n.put("plannedFinish", p.plannedFinish.toString());
			ObjectNode loc = n.putObject("location");
			loc.put("latitude", degrees(p.latitudeMicro));
			loc.put("longitude", degrees(p.longitudeMicro));
			loc.put("address", p.address);
			if (p.nationalCode == null) {
				n.putNull("nationalCode");
			}
			else {
				n.put("nationalCode", p.nationalCode);
			}
			ObjectNode liaison = n.putObject("liaison");
			liaison.put("cityLeaderId", p.cityLeaderId);
			liaison.put("departmentCode", p.leadDepartmentCode);
			liaison.put("cadreId", p.cadreId);
		}
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		Separators separators = Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Separators.Spacing.AFTER)
			.withArrayEmptySeparator("")
			.withObjectEmptySeparator("");
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
			.withArrayIndenter(indenter);
		return mapper.writer().with(printer).writeValueAsString(root) + "\n";
	}

}
