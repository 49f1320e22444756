"""Steps JSONs for the surface evaluation: ground-truth heel-strike times, placed on screen with the
MediaPipe pose JSON's heel landmarks (walker height from eyes to feet). The sports2d pose track follows the
man on the roof until ~5.7 s, so the walking woman's heels there are placed by hand: judged on frames 41 and
153 and interpolated (she walks at a steady pace along y = 928 px, ~390 px tall).
Usage: surface_steps_from_groundtruth.py CLIPS_DIR POSE_DIR OUT_DIR"""
import json, os, sys
clips_dir, pose_dir, out_dir = sys.argv[1:4]
clips={'sideview_indoor_markers_walk':(640,352,4.87,29.76),'sports2d_outdoor_grass_two_people':(1768,994,7.7,30),'wtm_gt_001_dark_interior':(400,224,2.0,30),'wtm_gt_279_cobblestone':(400,224,2.0,30)}
for c,(w,h,dur,fps) in clips.items():
    g=json.load(open(os.path.join(clips_dir, 'groundtruth', c + '.json')))
    pose=json.load(open(os.path.join(pose_dir, c + '.mp.json')))['frames']
    steps=[]
    for e in g['events']:
        if e['kind']!='heel_strike': continue
        t=e['time']; fr=e.get('frame') or round(t*fps)
        foot=e.get('foot') or 'left'
        s={'time':t,'frame':fr,'walker':e['walker'],'foot':foot,'confidence':1,'kind':'heel_strike'}
        pf=min(pose,key=lambda f:abs(f['time']-t)) if pose else None
        ws=pf['walkers'] if pf else []
        if c.startswith('sports2d') and e['walker']==1 and fr<172:
            x=1480+(380-1480)*(fr-41)/(153-41); s['position']={'x':x,'y':928}; s['walker_height']=390
        elif ws:
            L=ws[0]['landmarks']; i=29 if foot=='left' else 30
            s['position']={'x':L[i]['x'],'y':L[i]['y']}
            top=min(L[0]['y'],L[2]['y'],L[5]['y']); bot=max(L[29]['y'],L[30]['y'],L[31]['y'],L[32]['y'])
            s['walker_height']=(bot-top)*1.08
        steps.append(s)
    doc={'version':1,'video':{'file':c+'.mp4','width':w,'height':h,'duration':dur,'frame_rate':fps},'steps':steps}
    json.dump(doc,open(os.path.join(out_dir, c + '.json'), 'w'),indent=1)
    print(c,[(s['frame'],s.get('position'),round(s.get('walker_height',0))) for s in steps])
