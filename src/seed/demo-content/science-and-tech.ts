import { DemoPost } from './demo-types';

/** The science and tech desk's demo posts. */
export const SCIENCE_AND_TECH_DESK: DemoPost[] = [
  {
    key: 'seagrass-survey',
    authorKey: 'aiko',
    title: 'Seagrass Meadows in the Bay Are Recovering, Survey Finds',
    excerpt: 'The bay has a third more seagrass than five years ago, and twice as many young fish sheltering in it.',
    source: 'Marine Science Bulletin',
    coverImageUrl: 'https://images.example.com/gazette/seagrass.jpg',
    tags: ['science', 'environment', 'harbour'],
    status: 'PUBLISHED',
    publishedDaysAgo: 7,
    featured: true,
    body: `<p>The seagrass meadows of Wrenport Bay have grown by more than a third in five years, according to a survey published this week by marine scientists at the university's Tarran Estuary Laboratory.</p>
<p>Seagrass is a flowering plant that grows in shallow, sheltered water. It shelters juvenile fish, steadies the seabed and stores carbon in the sediment beneath it. Much of the bay's seagrass was lost in the 1980s and 1990s, damaged by boat moorings, dredging and pollution.</p>
<h2>What changed</h2>
<p>The researchers credit two things. Five years ago the Harbour Trust replaced traditional chain moorings off Fennick Point with "eco-moorings" that float above the seabed instead of dragging along it. And improvements at the Millbrook sewage works have reduced the nutrients washing into the bay.</p>
<ul>
<li>Meadow area five years ago: 41 hectares.</li>
<li>Meadow area this summer: 56 hectares.</li>
<li>Counts of juvenile cod and pollack in the meadows roughly doubled over the same period.</li>
</ul>
<blockquote>It's rare in my field to write a paper with good news in it. This one has good news in it. <strong>Dr Maren Solberg, lead author</strong></blockquote>
<p>Dr Solberg cautioned that the recovery was fragile. A single hot summer or a large spill could undo years of growth, she said, and the meadows on the northern side of the bay, near the commercial port, have not recovered at all.</p>
<p>Volunteers can help with the next survey, which uses snorkellers and underwater cameras, by signing up through the <a href="https://estuarylab.example.org/volunteer">laboratory's website</a>.</p>`,
    comments: [
      {
        authorName: 'Callum Wright',
        body: "Good news for once. I've been snorkelling off Fennick for years and you can see the difference. There are pipefish in there now.",
        status: 'APPROVED',
        hoursAfter: 5,
        replies: [
          {
            authorName: 'Aiko Brennan',
            body: "Pipefish are a great sign; they're one of the species the lab uses as an indicator. If you have photos, the survey team would love to see them.",
            status: 'APPROVED',
            hoursAfter: 7,
          },
        ],
      },
      {
        authorName: 'Jess Morrow',
        body: "Shame about the north side near the port. Is anyone looking at why that part hasn't recovered?",
        status: 'APPROVED',
        hoursAfter: 22,
      },
      {
        authorName: 'seo_master_pro',
        body: 'Nice post. Visit my site for cheap replica watches and designer handbags, best prices guaranteed!!! www.cheap-replica-watches.example.net www.cheap-replica-watches.example.net',
        status: 'SPAM',
        hoursAfter: 25,
      },
    ],
    relatedLinks: [
      { targetKey: 'tidal-energy-trial' },
      {
        url: 'https://estuarylab.example.org/reports/seagrass-survey',
        title: 'Tarran Estuary Laboratory: seagrass survey report',
      },
    ],
  },
  {
    key: 'library-fibre',
    authorKey: 'aiko',
    title: 'Free Gigabit Wi-Fi Arrives at the Central Library',
    tags: ['tech', 'community'],
    status: 'PUBLISHED',
    publishedDaysAgo: 11,
    body: `<p>Visitors to the Central Library on Chapel Row can now use free Wi-Fi at speeds of up to a gigabit per second, after the building was connected to the city's new fibre network last week.</p>
<p>The upgrade replaces a connection that regulars described, politely, as "patient". Librarian Femi Adebayo said people often queued for the three public computers because the Wi-Fi was too slow to use on their own phones. "People were trying to fill in job applications and benefit forms, and it just kept timing out," she said.</p>
<h2>More than speed</h2>
<p>Alongside the new connection, the library has added:</p>
<ul>
<li>Twelve new public computers, including two with screen readers and large-print keyboards.</li>
<li>Weekly Digital Drop-in sessions on Wednesday afternoons, where volunteers help with anything from video calls to online banking.</li>
<li>Laptops and tablets that can be borrowed for up to three weeks with a library card.</li>
</ul>
<p>The project was paid for through a national connectivity fund, with the council covering the cost of the extra machines. The branch libraries in Northfield and on Holm Island are due to be connected by the summer.</p>
<p>There are some limits: the network filters adult content, blocks peer-to-peer file sharing, and sessions time out after four hours. "It's a library," Adebayo said. "We have to share."</p>`,
    comments: [
      {
        authorName: 'Dorothy Ambrose',
        body: 'The Wednesday drop-in helped me set up video calls with my grandchildren in Canada. The volunteers were ever so patient with me.',
        status: 'APPROVED',
        hoursAfter: 20,
      },
      {
        authorName: 'Liam G',
        body: "The four-hour timeout is annoying if you're studying all day. Can't you just log back in?",
        status: 'PENDING',
        hoursAfter: 30,
      },
    ],
  },
  {
    key: 'school-robotics',
    authorKey: 'aiko',
    title: "Saint Brigid's Robotics Team Heads to National Final",
    excerpt:
      'A six-wheeled robot called Gulliver, built in a converted stationery cupboard, has won the regional round.',
    tags: ['tech', 'schools', 'science'],
    status: 'PUBLISHED',
    publishedDaysAgo: 23,
    body: `<p>A team of six fourteen-year-olds from St Brigid's School will travel to the national schools robotics final next month, after their robot, a small yellow six-wheeled machine named Gulliver, won the regional round in a tense finish.</p>
<p>The challenge asks teams to build a robot that can navigate a model harbour, pick up coloured "cargo" blocks and deliver them to the right dock, all without human control. Gulliver scored full marks on the last of three runs, overtaking a team from Castlebay Academy that had led all day.</p>
<p>"On the first two runs it kept driving into the sea," admitted team member Oluwaseun Bello. "We changed one number in the code at lunchtime and it just worked."</p>
<h2>Built in a cupboard</h2>
<p>The team meets twice a week in what teacher Callum Reid describes as "a converted stationery cupboard" next to the physics lab. Parts have been paid for with cake sales and a small grant from the Kell &amp; Daughters shipyard, which has also lent the team an engineer for advice.</p>
<ul>
<li>Team: Oluwaseun, Freya, Matteo, Aisling, Dev and Charlie.</li>
<li>National final: next month, in the capital.</li>
<li>Fundraising target for travel: £1,800.</li>
</ul>
<p>Anyone wishing to support the team's trip can contact the school office.</p>`,
    relatedLinks: [{ targetKey: 'library-fibre' }],
  },
  {
    key: 'tidal-energy-trial',
    authorKey: 'aiko',
    title: 'Tidal Turbine Trial Off Fennick Point Gets the Green Light',
    source: 'Marine Science Bulletin',
    coverImageUrl: 'https://images.example.com/gazette/fennick-point.jpg',
    tags: ['science', 'environment', 'council'],
    status: 'PUBLISHED',
    publishedDaysAgo: 31,
    body: `<p>A two-year trial of an underwater tidal turbine off Fennick Point has been approved by the council's planning committee, clearing the way for installation next summer.</p>
<p>The 500-kilowatt turbine, developed by the start-up Tidewright Energy, will sit on the seabed about 800 metres offshore, where the tide races around the point at up to four knots. At full output it could power around 350 homes, though it will generate only while the tide is running.</p>
<h2>Watching the wildlife</h2>
<p>The main objections came from fishermen and wildlife groups worried about the effect on porpoises and seals, which feed in the channel. As a condition of approval, the company must fit underwater cameras and acoustic monitors, publish the data, and stop the turbine if marine mammals are seen close to the blades.</p>
<p>"The whole point of a trial is to find out," said Tidewright's chief engineer, Ngozi Ekwueme. "If it turns out to be a problem for the wildlife, we want to know that as much as anyone."</p>
<ul>
<li>The turbine will be connected to shore by a cable landing at the old lifeboat slipway.</li>
<li>The university's Tarran Estuary Laboratory will monitor the site independently.</li>
<li>A public viewing point with live data is planned at the Fennick Point car park.</li>
</ul>
<p>If the trial succeeds, the company hopes to install an array of up to twenty turbines in the channel by the end of the decade.</p>`,
  },
  {
    key: 'dark-sky-draft',
    authorKey: 'aiko',
    title: 'Night Sky Club Wants a Dark-Sky Zone at Fennick Point',
    excerpt: 'Amateur astronomers want the headland protected from light pollution.',
    tags: ['science', 'environment'],
    status: 'DRAFT',
    body: `<p>Wrenport's amateur astronomers are asking the council to make the headland around Fennick Point the region's first designated dark-sky area, which would limit new outdoor lighting and switch off some street lights after midnight.</p>
<p>The Fennick Night Sky Club, which has about 80 members, says that on a clear night from the headland you can still see the Milky Way with the naked eye, a view that has disappeared from most of the city.</p>
<h2>How it would work</h2>
<ul>
<li>New lights in the zone would have to point downwards and use warmer colours.</li>
<li>Lighting in the Fennick Point car park would be dimmed after 11pm.</li>
<li>The club would run free public stargazing evenings once a month in winter.</li>
</ul>
<p>Club secretary Anwen Price said the proposal was about more than astronomy. "Moths, bats and migrating birds all need the dark," she said. "And so, frankly, do people."</p>
<p><em>To do: council response; check whether the lighthouse or the planned tidal turbine viewing point would be affected; photographs from the club's last open night.</em></p>`,
  },
];
