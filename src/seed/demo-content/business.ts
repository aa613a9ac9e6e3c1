import { DemoPost } from './demo-types';

/** The business desk's demo posts. */
export const BUSINESS_DESK: DemoPost[] = [
  {
    key: 'shipyard-jobs',
    authorKey: 'ruth',
    title: 'Kell & Daughters Shipyard to Add 120 Jobs',
    excerpt: "A contract for four hybrid-electric ferries is the largest in the yard's 140-year history.",
    source: 'Regional Press Association',
    coverImageUrl: 'https://images.example.com/gazette/shipyard.jpg',
    tags: ['business', 'harbour'],
    status: 'PUBLISHED',
    publishedDaysAgo: 10,
    body: `<p>The Kell &amp; Daughters shipyard on the south bank of the Tarran is to take on 120 new staff over the next two years after winning a contract to build four hybrid-electric ferries for a Scandinavian operator.</p>
<p>The contract, thought to be worth around £90m, is the largest in the yard's 140-year history. The first vessel is due to be launched in eighteen months.</p>
<p>Managing director Rosalind Kell, great-great-granddaughter of the founder, said most of the new jobs would be skilled trades, among them welders, electricians, fitters and pipe-workers, with around thirty apprenticeships for school leavers.</p>
<blockquote>Ten years ago people were asking whether there would be a shipyard in Wrenport at all. Today we are building the ferries of the future. <strong>Rosalind Kell</strong></blockquote>
<h2>Skills gap</h2>
<p>The challenge will be finding the people. The yard already struggles to recruit experienced electricians, and Kell said the company was working with Wrenport College on a new marine electrical course starting in September.</p>
<p>The union representing the yard's 410 existing workers welcomed the news but said it would be pressing for a pay deal that reflected the company's full order book.</p>
<p>Councillors have asked whether the Holm Island route could one day use the same design. The council's transport committee is due to discuss a replacement for the ageing <em>MV Corrie Lass</em> next year.</p>`,
    relatedLinks: [
      { targetKey: 'fish-market-data' },
      {
        url: 'https://kellshipyard.example.org/careers',
        title: 'Kell & Daughters: careers and apprenticeships',
      },
    ],
  },
  {
    key: 'housing-plan',
    authorKey: 'ruth',
    title: 'Quayside Housing Plan: 340 Homes, but How Affordable?',
    excerpt: 'The developer offers 15 per cent affordable homes on the old gasworks site; council policy asks for 30.',
    coverImageUrl: 'https://images.example.com/gazette/gasworks-site.jpg',
    tags: ['housing', 'council'],
    status: 'PUBLISHED',
    publishedDaysAgo: 18,
    body: `<p>Plans for 340 new homes on the former gasworks site at Quayside went on display this week, the biggest housing scheme proposed in central Wrenport for decades.</p>
<p>The developer, Tarran Quay Living, is proposing a mix of apartment blocks of up to eight storeys and terraced townhouses, arranged around a new public square, with a waterside walkway linking Quayside to the Swing Bridge.</p>
<h2>The affordability question</h2>
<p>Council policy requires 30 per cent of homes on large sites to be "affordable". The developer is offering 15 per cent, arguing that the cost of cleaning up the contaminated ground makes a higher figure unviable. Its viability report, which the council has had independently checked, will be published with the planning application.</p>
<p>Housing campaigners are unimpressed. "Affordable housing is always the first thing to go," said Maeve Donnelly of the Wrenport Housing Forum. "There are 2,300 households on the council's waiting list. Luxury flats with harbour views don't help any of them."</p>
<ul>
<li>340 homes: 210 apartments and 130 townhouses.</li>
<li>Proposed affordable share: 15 per cent (policy target: 30 per cent).</li>
<li>Public consultation open until the end of the month.</li>
</ul>
<p>Councillor Beatrice Lowe said she expected the affordability figure to be "the battleground" when the application comes before the planning committee, probably in the spring. The developer said it remained "open to conversations" about the mix.</p>`,
    comments: [
      {
        authorName: 'Maeve Donnelly',
        body: "To be clear, the Housing Forum isn't against building on the gasworks site. We're against building the wrong thing on it.",
        status: 'APPROVED',
        hoursAfter: 6,
      },
      {
        authorName: 'Tom Aske',
        body: 'Someone has to pay to clean up the gasworks. If the council wants 30 per cent affordable, maybe it should chip in.',
        status: 'APPROVED',
        hoursAfter: 15,
        replies: [
          {
            authorName: 'Maeve Donnelly',
            body: "Fair point, Tom, and there is national brownfield funding the council could bid for. We'd support that.",
            status: 'APPROVED',
            hoursAfter: 19,
          },
          {
            authorName: 'Ellie Sutcliffe',
            body: 'I agree with both of you, which I think is a first for a comments section.',
            status: 'APPROVED',
            hoursAfter: 23,
          },
        ],
      },
      {
        authorName: 'J. Ward',
        body: 'Eight storeys will block the view of the harbour from the whole of Customs Street.',
        status: 'PENDING',
        hoursAfter: 48,
      },
    ],
    relatedLinks: [{ targetKey: 'council-budget-vote' }, { targetKey: 'market-hall-rents' }],
  },
  {
    key: 'market-hall-rents',
    authorKey: 'ruth',
    title: 'Market Hall Traders Fear Rent Rise of Up to 40%',
    tags: ['business', 'council', 'food'],
    status: 'PUBLISHED',
    publishedDaysAgo: 42,
    body: `<p>Traders at Wrenport's Victorian Market Hall say they face rent increases of up to 40 per cent under a new pricing structure proposed by the council, which owns the building.</p>
<p>The hall has 34 stalls, selling everything from fish and cheese to second-hand books and bicycle repairs. Many stallholders have been there for decades, and rents have not risen since 2015.</p>
<p>The council says the building loses around £180,000 a year and that the new charges would bring rents closer to those of comparable markets elsewhere. It also points to a £2m roof repair due within the next five years.</p>
<blockquote>We're not against paying a bit more. We're against being priced out of a building our families have traded in for three generations. <strong>Linda Osborne, Osborne's Cheese</strong></blockquote>
<h2>A petition</h2>
<p>A petition against the increase has gathered more than 4,000 signatures in a fortnight. Stallholders want the rise phased in over five years and linked to improvements such as better lighting, more bins and a heating system that works in winter.</p>
<p>The council's property committee will consider the plan next month. Its chair said no decision had been made and that "the council values the Market Hall enormously and wants it to thrive for another 150 years".</p>`,
  },
  {
    key: 'fish-market-data',
    authorKey: 'ruth',
    title: 'Fish Market Goes Digital With Online Auction',
    source: 'Regional Press Association',
    coverImageUrl: 'https://images.example.com/gazette/fish-quay.jpg',
    tags: ['business', 'tech', 'food', 'harbour'],
    status: 'PUBLISHED',
    publishedDaysAgo: 49,
    body: `<p>For more than a century the daily fish auction on Wrenport's Fish Quay has worked the same way: buyers in white coats gather around crates on the floor at 6am while an auctioneer calls the prices so fast that outsiders cannot follow a word.</p>
<p>From next month, buyers will also be able to bid from their phones.</p>
<p>The Wrenport Fish Producers' Organisation has installed a system that photographs and weighs every box as it comes off the boats, logs the species, catch area and time of landing, and puts each lot up for auction online at the same moment it is sold on the floor.</p>
<h2>Why now?</h2>
<p>Auctioneer Bryn Tallis, who has called the sales for twenty-six years, said the number of buyers attending in person had halved since 2010. "Restaurants in the city want our fish, but they're not going to drive here at five in the morning," he said. "Now they don't have to."</p>
<ul>
<li>Every box gets a QR code showing where and when the fish was caught.</li>
<li>Buyers must register and pass a credit check.</li>
<li>The floor auction will continue alongside the online one.</li>
</ul>
<p>Some of the older buyers are sceptical. "You can't smell a fish through a phone," said one. But skippers hope a wider pool of buyers will mean better prices, particularly for less familiar species such as gurnard and dab, which currently sell for very little.</p>`,
  },
  {
    key: 'empty-shops-draft',
    authorKey: 'ruth',
    title: 'Why Are So Many Shops on Anchor Street Empty?',
    tags: ['business', 'housing'],
    status: 'DRAFT',
    body: `<p>Walk the length of Anchor Street and you will count eleven empty shopfronts out of forty-two. Five years ago there were three. The street that once had two butchers, a cinema and the town's biggest department store now has more "To Let" signs than any other in Wrenport.</p>
<p>The reasons are familiar ones: online shopping, high business rates and landlords who would rather wait for a national chain than let to a local trader at a lower rent. But some property owners say there is another factor, the rising value of the flats above the shops, which can make the ground floor an afterthought.</p>
<h2>What could change</h2>
<ul>
<li>The council is considering a "meanwhile use" scheme letting pop-up shops and studios use empty units rent-free for up to a year.</li>
<li>The Anchor Street Traders' Association wants shorter, more flexible leases.</li>
<li>Some landlords are applying to convert ground floors to housing.</li>
</ul>
<p><em>Still needed: figures from the business rates team; interview with the owner of Driftwood Roasters, who took a unit last year; photographs of the street.</em></p>`,
  },
];
