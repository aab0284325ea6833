<?xml version="1.0" encoding="UTF-8"?>
<!-- Written for Subterra's tests: CityGML 2.0 as German AdV (ALKIS/LoD) exports write it. -->
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:brid="http://www.opengis.net/citygml/bridge/2.0" xmlns:tran="http://www.opengis.net/citygml/transportation/2.0" xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml">
  <gml:boundedBy>
    <gml:Envelope srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH" srsDimension="3">
      <gml:lowerCorner>690990 5334990 111.5</gml:lowerCorner>
      <gml:upperCorner>691100 5335012 121.3</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_LOD0_FOOTPRINT">
      <bldg:measuredHeight uom="urn:adv:uom:m">7.5</bldg:measuredHeight>
      <bldg:lod0FootPrint><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">691000.0 5335000.0 111.8 691015.0 5335000.0 111.8 691015.0 5335012.0 111.8 691000.0 5335012.0 111.8 691000.0 5335000.0 111.8</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod0FootPrint>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <bldg:Building gml:id="DEBY_LOD2_BOX">
      <bldg:boundedBy><bldg:GroundSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">691040.0 5335010.0 112.3 691052.0 5335010.0 112.3 691052.0 5335000.0 112.3 691040.0 5335000.0 112.3 691040.0 5335010.0 112.3</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:GroundSurface></bldg:boundedBy>
      <bldg:boundedBy><bldg:WallSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">691040.0 5335000.0 112.3 691052.0 5335000.0 112.3 691052.0 5335000.0 121.3 691040.0 5335000.0 121.3 691040.0 5335000.0 112.3</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface></bldg:boundedBy><bldg:boundedBy><bldg:WallSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">691052.0 5335000.0 112.3 691052.0 5335010.0 112.3 691052.0 5335010.0 121.3 691052.0 5335000.0 121.3 691052.0 5335000.0 112.3</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface></bldg:boundedBy><bldg:boundedBy><bldg:WallSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">691052.0 5335010.0 112.3 691040.0 5335010.0 112.3 691040.0 5335010.0 121.3 691052.0 5335010.0 121.3 691052.0 5335010.0 112.3</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface></bldg:boundedBy><bldg:boundedBy><bldg:WallSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">691040.0 5335010.0 112.3 691040.0 5335000.0 112.3 691040.0 5335000.0 121.3 691040.0 5335010.0 121.3 691040.0 5335010.0 112.3</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:WallSurface></bldg:boundedBy>
      <bldg:boundedBy><bldg:RoofSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">691040.0 5335000.0 121.3 691052.0 5335000.0 121.3 691052.0 5335010.0 121.3 691040.0 5335010.0 121.3 691040.0 5335000.0 121.3</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
    </bldg:Building>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <brid:Bridge gml:id="BRIDGE_DECK">
      <brid:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">691070.0 5335000.0 114.0 691090.0 5335000.0 114.0 691090.0 5335006.0 114.0 691070.0 5335006.0 114.0 691070.0 5335000.0 114.0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></brid:lod2MultiSurface>
    </brid:Bridge>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <tran:Road gml:id="ROAD_1">
      <tran:lod1MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">690990.0 5334990.0 111.5 691100.0 5334990.0 111.5 691100.0 5334996.0 111.5 690990.0 5334996.0 111.5 690990.0 5334990.0 111.5</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></tran:lod1MultiSurface>
    </tran:Road>
  </core:cityObjectMember>
</core:CityModel>
