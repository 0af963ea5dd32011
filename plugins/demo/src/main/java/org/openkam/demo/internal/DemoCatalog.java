package org.openkam.demo.internal;

import static org.openkam.api.account.AccountStatus.ACTIVE;
import static org.openkam.api.account.AccountStatus.INACTIVE;
import static org.openkam.api.account.AccountStatus.PROSPECT;
import static org.openkam.api.account.KeyAccountTier.KEY;
import static org.openkam.api.account.KeyAccountTier.NONE;
import static org.openkam.api.account.KeyAccountTier.STRATEGIC;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.openkam.api.Role;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.Attitude;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.account.TeamFunction;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.UserDraft;

/**
 * The demo data set {@link DemoLoader} loads when OpenKAM starts with {@code --demo}: three business units,
 * five users per unit and fifty accounts with contacts and teams. Built from fixed lists and a seed per
 * company, so every build is equal and tests and screenshots stay stable. Companies and people are
 * invented; e-mail domains end in the reserved {@code .example} (RFC 2606) and phone numbers use
 * fictional ranges where a country has one, so no demo record points at anybody real.
 *
 * @param units the business units; the first marks the data set as loaded
 * @param users the demo users, each with one role in one unit; all sign in with {@link #DEMO_PASSWORD}
 * @param accounts the accounts; owners and team members are named by username
 */
public record DemoCatalog(List<BusinessUnitDraft> units, List<UserDraft> users, List<DemoAccount> accounts) {

    /** The password of every demo user. Public on purpose: a demo installation holds no real data. */
    public static final String DEMO_PASSWORD = "demo-password-2026";
    public static final String INDUSTRIAL = "industrial";
    public static final String CONSUMER_GOODS = "consumer-goods";
    public static final String HEALTHCARE = "healthcare";
    /** Domain of the demo users' e-mail addresses. */
    public static final String USER_DOMAIN = "openkam.example";
    private static final long SEED = 20_260_101L;

    public DemoCatalog {
        units = List.copyOf(units);
        users = List.copyOf(users);
        accounts = List.copyOf(accounts);
    }

    /** The id of the unit whose presence means the demo data is loaded. */
    public String markerUnit() {
        return units.get(0).id();
    }

    public Optional<UserDraft> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** The demo data set; equal on every call. */
    public static DemoCatalog build() {
        List<BusinessUnitDraft> units = List.of(
                new BusinessUnitDraft(INDUSTRIAL, "Industrial Components", "Drives, motion control and "
                        + "automation components for machine builders, automotive suppliers and plant operators."),
                new BusinessUnitDraft(CONSUMER_GOODS, "Consumer Goods", "Branded household and personal-care "
                        + "products sold through grocery, drugstore, department store and online retail."),
                new BusinessUnitDraft(HEALTHCARE, "Healthcare Solutions", "Diagnostics, consumables and service "
                        + "for hospitals, laboratories and pharmaceutical manufacturers."));
        List<UserDraft> users = new ArrayList<>();
        users.addAll(staff(INDUSTRIAL, "Stefan Brandt", "Katrin Albers", "Marco Lehmann", "Lena Fischer",
                "Jonas Weber"));
        users.addAll(staff(CONSUMER_GOODS, "Sophie Laurent", "Claire Dubois", "Ana Ruiz", "Pieter de Graaf",
                "Tom Becker"));
        users.addAll(staff(HEALTHCARE, "Helen Carter", "Emma Lindqvist", "Luca Bianchi", "Anna Kowalska",
                "Noah Schmidt"));
        List<DemoAccount> accounts = new ArrayList<>();
        for (int i = 0; i < COMPANIES.size(); i++) {
            accounts.add(account(COMPANIES.get(i), i));
        }
        return new DemoCatalog(units, users, accounts);
    }

    /** What a demo user does in a unit: username prefix, role and team function. */
    public enum Post {
        BU_ADMIN("buadmin", Role.BU_ADMIN, TeamFunction.EXECUTIVE_SPONSOR),
        KEY_ACCOUNT_MANAGER("kam", Role.KEY_ACCOUNT_MANAGER, TeamFunction.KEY_ACCOUNT_MANAGER),
        SALES("sales", Role.KEY_ACCOUNT_MANAGER, TeamFunction.SALES),
        SPECIALIST("specialist", Role.VIEWER, TeamFunction.SPECIALIST),
        VIEWER("viewer", Role.VIEWER, null);

        private final String prefix;
        private final Role role;
        private final TeamFunction function;

        Post(String prefix, Role role, TeamFunction function) {
            this.prefix = prefix;
            this.role = role;
            this.function = function;
        }

        /** The demo username of this post in a unit, e.g. {@code kam.industrial}. */
        public String username(String unit) {
            return prefix + "." + unit;
        }

        public Role role() {
            return role;
        }

        /** The team function a holder of this post serves accounts in, or {@code null}. */
        public TeamFunction function() {
            return function;
        }
    }

    private static List<UserDraft> staff(String unit, String buAdmin, String kam, String sales, String specialist,
            String viewer) {
        return List.of(user(Post.BU_ADMIN, unit, buAdmin), user(Post.KEY_ACCOUNT_MANAGER, unit, kam),
                user(Post.SALES, unit, sales), user(Post.SPECIALIST, unit, specialist),
                user(Post.VIEWER, unit, viewer));
    }

    // an EnumSet, not Set.of: UserDraft.validate asks the roles whether they contain null
    private static UserDraft user(Post post, String unit, String displayName) {
        String username = post.username(unit);
        return new UserDraft(username, displayName, username + "@" + USER_DOMAIN, false, true,
                Map.of(unit, Collections.unmodifiableSet(EnumSet.of(post.role()))), DEMO_PASSWORD);
    }

    // ---- accounts ----

    /** A company of the fixed list; everything else about its account is derived from it. */
    private record Company(String unit, String name, String legalName, String industry, String segment,
            String country, KeyAccountTier tier, AccountStatus status) {
    }

    private static Company company(String unit, String name, String legalName, String industry, String segment,
            String country, KeyAccountTier tier, AccountStatus status) {
        return new Company(unit, name, legalName, industry, segment, country, tier, status);
    }

    private static final List<Company> COMPANIES = List.of(
            // Industrial Components
            company(INDUSTRIAL, "Nordwerk Maschinenbau", "Nordwerk Maschinenbau GmbH", "Machinery", "OEM", "DE",
                    STRATEGIC, ACTIVE),
            company(INDUSTRIAL, "Rheintal Antriebstechnik", "Rheintal Antriebstechnik AG", "Drive Technology",
                    "Tier-1 Supplier", "DE", KEY, ACTIVE),
            company(INDUSTRIAL, "Vellmar Fahrzeugteile", "Vellmar Fahrzeugteile GmbH & Co. KG", "Automotive",
                    "Tier-1 Supplier", "DE", NONE, ACTIVE),
            company(INDUSTRIAL, "Aubrac Mécanique", "Aubrac Mécanique SAS", "Machinery", "OEM", "FR", NONE, ACTIVE),
            company(INDUSTRIAL, "Loire Aéro Structures", "Loire Aéro Structures SA", "Aerospace", "OEM", "FR", KEY,
                    ACTIVE),
            company(INDUSTRIAL, "Pennine Engineering", "Pennine Engineering Ltd", "Engineering Services",
                    "Plant Operator", "GB", NONE, ACTIVE),
            company(INDUSTRIAL, "Thamesgate Rail Systems", "Thamesgate Rail Systems plc", "Rail", "OEM", "GB", KEY,
                    ACTIVE),
            company(INDUSTRIAL, "Great Lakes Fluid Power", "Great Lakes Fluid Power, Inc.", "Hydraulics",
                    "Distributor", "US", NONE, ACTIVE),
            company(INDUSTRIAL, "Redstone Energy Equipment", "Redstone Energy Equipment Corp.", "Energy", "OEM",
                    "US", STRATEGIC, ACTIVE),
            company(INDUSTRIAL, "Dijkstra Industrie", "Dijkstra Industrie B.V.", "Industrial Automation",
                    "Distributor", "NL", NONE, PROSPECT),
            company(INDUSTRIAL, "Officine Brenta", "Officine Brenta S.p.A.", "Machinery", "OEM", "IT", NONE, ACTIVE),
            company(INDUSTRIAL, "Talleres Ebro", "Talleres Ebro S.L.", "Metalworking", "Tier-1 Supplier", "ES", NONE,
                    INACTIVE),
            company(INDUSTRIAL, "Norrland Kraft & Process", "Norrland Kraft och Process AB", "Pulp & Paper",
                    "Plant Operator", "SE", KEY, ACTIVE),
            company(INDUSTRIAL, "Wisła Precision", "Wisła Precision Sp. z o.o.", "Precision Parts",
                    "Tier-1 Supplier", "PL", NONE, ACTIVE),
            company(INDUSTRIAL, "Jura Feinmechanik", "Jura Feinmechanik AG", "Precision Engineering", "OEM", "CH",
                    NONE, PROSPECT),
            company(INDUSTRIAL, "Hanamura Robotics", "Hanamura Robotics K.K.", "Robotics", "OEM", "JP", NONE,
                    ACTIVE),
            company(INDUSTRIAL, "Serra Azul Agroindustrial", "Serra Azul Agroindustrial Ltda.",
                    "Agricultural Machinery", "Distributor", "BR", NONE, ACTIVE),
            // Consumer Goods
            company(CONSUMER_GOODS, "Alpine Retail Group", "Alpine Retail Holding AG", "Grocery Retail",
                    "Grocery Retail", "CH", STRATEGIC, ACTIVE),
            company(CONSUMER_GOODS, "Hansemarkt", "Hansemarkt Handelsgesellschaft mbH", "Grocery Retail",
                    "Grocery Retail", "DE", KEY, ACTIVE),
            company(CONSUMER_GOODS, "Sonnfeld Drogerie", "Sonnfeld Drogeriemärkte GmbH", "Drugstore Retail",
                    "Drugstore", "DE", NONE, ACTIVE),
            company(CONSUMER_GOODS, "Grünhof Bio-Markt", "Grünhof Bio-Markt GmbH", "Organic Grocery",
                    "Grocery Retail", "AT", NONE, ACTIVE),
            company(CONSUMER_GOODS, "Maison Verlaine", "Maison Verlaine SA", "Department Stores", "Department Store",
                    "FR", KEY, ACTIVE),
            company(CONSUMER_GOODS, "Provence Fraîcheur", "Provence Fraîcheur SAS", "Grocery Retail",
                    "Grocery Retail", "FR", NONE, ACTIVE),
            company(CONSUMER_GOODS, "Brightwell Stores", "Brightwell Stores plc", "Grocery Retail", "Grocery Retail",
                    "GB", STRATEGIC, ACTIVE),
            company(CONSUMER_GOODS, "Harrowgate Home", "Harrowgate Home Ltd", "Home Improvement", "Specialist Retail",
                    "GB", NONE, PROSPECT),
            company(CONSUMER_GOODS, "Bluebonnet Market", "Bluebonnet Market Inc.", "Grocery Retail",
                    "Grocery Retail", "US", KEY, ACTIVE),
            company(CONSUMER_GOODS, "Cartwheel Commerce", "Cartwheel Commerce LLC", "E-Commerce", "Online Retail",
                    "US", NONE, ACTIVE),
            company(CONSUMER_GOODS, "Van Dalen Groothandel", "Van Dalen Groothandel B.V.", "Wholesale", "Wholesale",
                    "NL", NONE, ACTIVE),
            company(CONSUMER_GOODS, "Supermercati Valtellina", "Valtellina Distribuzione S.p.A.", "Grocery Retail",
                    "Grocery Retail", "IT", NONE, ACTIVE),
            company(CONSUMER_GOODS, "Mercados Solana", "Mercados Solana S.A.", "Grocery Retail", "Grocery Retail",
                    "ES", NONE, ACTIVE),
            company(CONSUMER_GOODS, "Fjällhandeln", "Fjällhandeln Sverige AB", "Convenience Retail", "Convenience",
                    "SE", NONE, ACTIVE),
            company(CONSUMER_GOODS, "Bursztyn Markets", "Bursztyn Sieć Handlowa S.A.", "Discount Retail",
                    "Discounter", "PL", KEY, ACTIVE),
            company(CONSUMER_GOODS, "Sakura Lifestyle Stores", "Sakura Lifestyle Co., Ltd.", "Department Stores",
                    "Department Store", "JP", NONE, PROSPECT),
            company(CONSUMER_GOODS, "Casa Tropical Atacado", "Casa Tropical Atacado Ltda.", "Wholesale",
                    "Wholesale", "BR", NONE, INACTIVE),
            // Healthcare Solutions
            company(HEALTHCARE, "Cedar Ridge Health Systems", "Cedar Ridge Health Systems, Inc.", "Hospitals",
                    "Hospital Group", "US", STRATEGIC, ACTIVE),
            company(HEALTHCARE, "Klinikverbund Elbe-Weser", "Klinikverbund Elbe-Weser gGmbH", "Hospitals",
                    "Hospital Group", "DE", KEY, ACTIVE),
            company(HEALTHCARE, "Laborgemeinschaft Isar", "Laborgemeinschaft Isar MVZ GmbH",
                    "Laboratory Diagnostics", "Lab Network", "DE", NONE, ACTIVE),
            company(HEALTHCARE, "Groupe Hospitalier Garonne", "Groupe Hospitalier Garonne", "Hospitals",
                    "Hospital Group", "FR", KEY, ACTIVE),
            company(HEALTHCARE, "Biolab Armorique", "Biolab Armorique SELAS", "Laboratory Diagnostics",
                    "Lab Network", "FR", NONE, ACTIVE),
            company(HEALTHCARE, "Wessex Vale Care Group", "Wessex Vale Care Group Ltd", "Care Homes", "Care Provider",
                    "GB", NONE, ACTIVE),
            company(HEALTHCARE, "Calder Diagnostics", "Calder Diagnostics plc", "Laboratory Diagnostics",
                    "Lab Network", "GB", KEY, ACTIVE),
            company(HEALTHCARE, "Pinecrest Medical Supply", "Pinecrest Medical Supply Co.", "Medical Supplies",
                    "Medtech Distributor", "US", NONE, PROSPECT),
            company(HEALTHCARE, "Zorggroep Eemvallei", "Stichting Zorggroep Eemvallei", "Hospitals",
                    "Hospital Group", "NL", NONE, ACTIVE),
            company(HEALTHCARE, "Farmaceutica Dolomiti", "Farmaceutica Dolomiti S.p.A.", "Pharmaceuticals",
                    "Pharma", "IT", STRATEGIC, ACTIVE),
            company(HEALTHCARE, "Grupo Hospitalario Meseta", "Grupo Hospitalario Meseta S.A.", "Hospitals",
                    "Hospital Group", "ES", NONE, ACTIVE),
            company(HEALTHCARE, "Vättern Medical", "Vättern Medical AB", "Medical Devices", "Medtech Manufacturer",
                    "SE", NONE, ACTIVE),
            company(HEALTHCARE, "Centrum Medyczne Warta", "Centrum Medyczne Warta Sp. z o.o.", "Hospitals",
                    "Hospital Group", "PL", NONE, INACTIVE),
            company(HEALTHCARE, "Säntis Pharma", "Säntis Pharma AG", "Pharmaceuticals", "Pharma", "CH", KEY, ACTIVE),
            company(HEALTHCARE, "Aoba Medical Instruments", "Aoba Medical Instruments Co., Ltd.", "Medical Devices",
                    "Medtech Manufacturer", "JP", NONE, PROSPECT),
            company(HEALTHCARE, "Rede Saúde Litoral", "Rede Saúde Litoral S.A.", "Hospitals", "Hospital Group", "BR",
                    NONE, ACTIVE));

    private static DemoAccount account(Company c, int number) {
        // a seed per company: adding or reordering companies leaves the others' figures alone
        Random random = new Random(SEED ^ c.name().hashCode());
        BigDecimal sales = thousands(random, salesRange(c));
        int[] margin = marginHalfPercents(c.unit());
        int marginHalves = margin[0] + random.nextInt(margin[1] - margin[0] + 1);
        int potentialTenths = 20 + random.nextInt(41);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("segment", c.segment());
        attributes.put("erpId", erpPrefix(c.unit()) + "-" + (100_100 + number * 37));
        if (c.status() != PROSPECT) {
            attributes.put("customerSince", String.valueOf(1996 + random.nextInt(27)));
        }
        AccountDraft draft = new AccountDraft(c.unit(), c.name(), c.legalName(), c.industry(), c.country(),
                region(c.country()), c.status(), c.tier(), Post.KEY_ACCOUNT_MANAGER.username(c.unit()), sales,
                share(sales, marginHalves, 200), share(sales, potentialTenths, 10), currency(c.country()),
                Collections.unmodifiableMap(attributes));
        return new DemoAccount(draft, contacts(c, number, random), team(c));
    }

    /** Annual sales range in thousands: prospects buy trial orders, strategic accounts a lot. */
    private static int[] salesRange(Company c) {
        if (c.status() == PROSPECT) {
            return new int[] {50, 400};
        }
        if (c.status() == INACTIVE) {
            return new int[] {100, 900};
        }
        return switch (c.tier()) {
            case NONE -> new int[] {400, 4_000};
            case KEY -> new int[] {4_000, 18_000};
            case STRATEGIC -> new int[] {18_000, 60_000};
        };
    }

    /** Contribution margin range in half percents of sales, within 8-35 %. */
    private static int[] marginHalfPercents(String unit) {
        return switch (unit) {
            case CONSUMER_GOODS -> new int[] {16, 36};
            case HEALTHCARE -> new int[] {40, 70};
            default -> new int[] {30, 60};
        };
    }

    private static BigDecimal thousands(Random random, int[] range) {
        long k = range[0] + random.nextInt(range[1] - range[0] + 1);
        return BigDecimal.valueOf(k * 1_000L);
    }

    /** {@code amount * numerator / denominator} to the cent, in the registry's canonical form. */
    private static BigDecimal share(BigDecimal amount, int numerator, int denominator) {
        return AccountDraft.canonical(amount.multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP));
    }

    private static String erpPrefix(String unit) {
        return switch (unit) {
            case CONSUMER_GOODS -> "CG";
            case HEALTHCARE -> "HC";
            default -> "IND";
        };
    }

    private static String currency(String country) {
        return switch (country) {
            case "GB" -> "GBP";
            case "US", "BR", "JP" -> "USD";
            default -> "EUR";
        };
    }

    static String region(String country) {
        return switch (country) {
            case "FR", "IT", "ES", "PT", "GR" -> "EMEA South";
            case "US", "CA", "BR", "MX" -> "Americas";
            case "JP", "CN", "KR", "SG", "AU", "IN" -> "APAC";
            default -> "EMEA North";
        };
    }

    // ---- teams ----

    /** The unit's KAM for every account; key accounts add sales, strategic ones a sponsor and a specialist. */
    private static List<DemoTeamMember> team(Company c) {
        List<DemoTeamMember> team = new ArrayList<>();
        team.add(member(Post.KEY_ACCOUNT_MANAGER, c.unit()));
        if (c.tier() != NONE) {
            team.add(member(Post.SALES, c.unit()));
        }
        if (c.tier() == STRATEGIC) {
            team.add(member(Post.BU_ADMIN, c.unit()));
            team.add(member(Post.SPECIALIST, c.unit()));
        }
        return team;
    }

    private static DemoTeamMember member(Post post, String unit) {
        return new DemoTeamMember(post.username(unit), post.function(), true);
    }

    // ---- contacts ----

    private record Names(List<String> first, List<String> last) {
    }

    private static final Names GERMAN = new Names(
            List.of("Anna", "Thomas", "Julia", "Michael", "Sabine", "Andreas", "Katharina", "Stefan"),
            List.of("Müller", "Schneider", "Hoffmann", "Wagner", "Becker", "Schulz", "Koch", "Richter"));
    private static final Names FRENCH = new Names(
            List.of("Camille", "Julien", "Isabelle", "Nicolas", "Céline", "Antoine", "Claire", "Mathieu"),
            List.of("Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefèvre", "Girard", "Roux"));
    private static final Names ENGLISH = new Names(
            List.of("Sarah", "James", "Emily", "David", "Rachel", "Michael", "Laura", "Daniel"),
            List.of("Thompson", "Walker", "Hughes", "Bennett", "Carter", "Mitchell", "Parker", "Collins"));
    private static final Names DUTCH = new Names(
            List.of("Sanne", "Daan", "Lotte", "Bram", "Fleur", "Joris"),
            List.of("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer"));
    private static final Names ITALIAN = new Names(
            List.of("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro"),
            List.of("Rossi", "Russo", "Ferrari", "Esposito", "Colombo", "Ricci"));
    private static final Names SPANISH = new Names(
            List.of("Lucía", "Javier", "María", "Carlos", "Elena", "Pablo"),
            List.of("García", "Fernández", "López", "Martínez", "Sánchez", "Romero"));
    private static final Names SWEDISH = new Names(
            List.of("Elin", "Erik", "Sara", "Johan", "Maja", "Anders"),
            List.of("Andersson", "Johansson", "Lindberg", "Nilsson", "Berg", "Holm"));
    private static final Names POLISH = new Names(
            List.of("Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Marcin"),
            List.of("Nowak", "Wójcik", "Kaczmarek", "Mazur", "Krawczyk", "Zając"));
    private static final Names JAPANESE = new Names(
            List.of("Yuki", "Haruto", "Aiko", "Kenji", "Naomi", "Takashi"),
            List.of("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito"));
    private static final Names PORTUGUESE = new Names(
            List.of("Ana", "João", "Beatriz", "Rafael", "Mariana", "Lucas"),
            List.of("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira"));

    private static Names names(String country) {
        return switch (country) {
            case "DE", "AT", "CH" -> GERMAN;
            case "FR" -> FRENCH;
            case "NL" -> DUTCH;
            case "IT" -> ITALIAN;
            case "ES" -> SPANISH;
            case "SE" -> SWEDISH;
            case "PL" -> POLISH;
            case "JP" -> JAPANESE;
            case "BR" -> PORTUGUESE;
            default -> ENGLISH;
        };
    }

    /** Job titles by contact position: the buyer, the unit's main user, finance, then one of the alternates. */
    private static List<String> titles(String unit) {
        return switch (unit) {
            case CONSUMER_GOODS -> List.of("Head of Category Management", "Senior Category Manager",
                    "Chief Financial Officer");
            case HEALTHCARE -> List.of("Head of Purchasing", "Chief Medical Officer", "Chief Financial Officer");
            default -> List.of("Head of Procurement", "Plant Manager", "Chief Financial Officer");
        };
    }

    private static List<String> alternateTitles(String unit) {
        return switch (unit) {
            case CONSUMER_GOODS -> List.of("Supply Chain Director", "Trade Marketing Manager",
                    "Head of E-Commerce");
            case HEALTHCARE -> List.of("Laboratory Director", "Head of Biomedical Engineering",
                    "Director of Nursing");
            default -> List.of("Head of Engineering", "Strategic Buyer", "Maintenance Manager");
        };
    }

    /** Two to four contacts (more for key accounts) with distinct names, addressed at the company's {@code .example} domain. */
    private static List<ContactDraft> contacts(Company c, int number, Random random) {
        Names names = names(c.country());
        List<String> first = new ArrayList<>(names.first());
        List<String> last = new ArrayList<>(names.last());
        Collections.shuffle(first, random);
        Collections.shuffle(last, random);
        List<String> titles = new ArrayList<>(titles(c.unit()));
        List<String> alternates = alternateTitles(c.unit());
        titles.add(alternates.get(random.nextInt(alternates.size())));
        String domain = slug(c.name()) + ".example";
        int count = switch (c.tier()) {
            case STRATEGIC -> 4;
            case KEY -> 3 + number % 2;
            case NONE -> 2 + number % 2;
        };
        List<ContactDraft> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String email = localPart(first.get(i)) + "." + localPart(last.get(i)) + "@" + domain;
            BuyingCenterSeat seat = BuyingCenterSeat.values()[i];
            Attitude attitude = seat.attitudes.get(random.nextInt(seat.attitudes.size()));
            contacts.add(new ContactDraft(first.get(i), last.get(i), titles.get(i), email,
                    phone(c.country(), random), seat.roles, attitude, seat.influence, null, null,
                    2 + random.nextInt(3)));
        }
        return contacts;
    }

    /**
     * Where a contact sits in the buying center by position: the buyer decides, the main user judges the
     * technology, finance holds the budget, the fourth champions us. Nobody guards the gate, so every demo
     * buying center shows that gap.
     */
    enum BuyingCenterSeat {
        BUYER(Set.of(BuyingCenterRole.DECISION_MAKER), 4, List.of(Attitude.SUPPORTER, Attitude.NEUTRAL)),
        MAIN_USER(Set.of(BuyingCenterRole.USER, BuyingCenterRole.TECHNICAL_BUYER), 3,
                List.of(Attitude.ADVOCATE, Attitude.SUPPORTER, Attitude.SKEPTIC)),
        FINANCE(Set.of(BuyingCenterRole.ECONOMIC_BUYER), 5, List.of(Attitude.NEUTRAL, Attitude.SKEPTIC)),
        CHAMPION(Set.of(BuyingCenterRole.COACH, BuyingCenterRole.INFLUENCER), 2, List.of(Attitude.ADVOCATE));

        final Set<BuyingCenterRole> roles;
        final int influence;
        final List<Attitude> attitudes;

        BuyingCenterSeat(Set<BuyingCenterRole> roles, int influence, List<Attitude> attitudes) {
            this.roles = roles;
            this.influence = influence;
            this.attitudes = attitudes;
        }
    }

    /** A phone number: the fictional ranges for the UK and North America, made-up digits elsewhere. */
    private static String phone(String country, Random random) {
        return switch (country) {
            case "US" -> "+1 " + List.of("212", "312", "415", "617", "713").get(random.nextInt(5)) + " 555 01"
                    + twoDigits(random.nextInt(100));
            case "GB" -> "+44 20 7946 0" + twoDigits(random.nextInt(100)) + random.nextInt(10);
            default -> "+" + callingCode(country) + " " + (10 + random.nextInt(90)) + " "
                    + (1_000_000 + random.nextInt(9_000_000));
        };
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static String callingCode(String country) {
        return switch (country) {
            case "DE" -> "49";
            case "AT" -> "43";
            case "CH" -> "41";
            case "FR" -> "33";
            case "NL" -> "31";
            case "IT" -> "39";
            case "ES" -> "34";
            case "SE" -> "46";
            case "PL" -> "48";
            case "JP" -> "81";
            case "BR" -> "55";
            default -> throw new IllegalArgumentException("no calling code for " + country);
        };
    }

    /** Latin letters without accents: {@code Wisła Mécanique} becomes {@code Wisla Mecanique}. */
    static String ascii(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
                .replace("æ", "ae").replace("Æ", "AE");
    }

    /** {@code Norrland Kraft & Process} becomes {@code norrland-kraft-process}. */
    static String slug(String text) {
        return ascii(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String localPart(String name) {
        return ascii(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
